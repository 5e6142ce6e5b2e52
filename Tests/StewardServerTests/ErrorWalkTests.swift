import ECL
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RF2
import StewardServer
import TerminologyStore
import Testing
import Workspace

/// Every error case of every library, thrown from a route of the real router and answered by the real
/// middleware: the status class the one error table gives it, and the library's message passed through.
@Suite("Library errors through the server")
struct ErrorWalkTests {
    struct Case: Sendable {
        let error: any Error & Sendable
        let statusClass: Int
        let message: String
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        for code in StoreError.Code.allCases {
            let serverSide = code == .incompatibleStore || code == .database || code == .blockingAccess
            cases.append(Case(error: StoreError(code, "store says \(code.rawValue)"), statusClass: serverSide ? 5 : 4, message: "store says \(code.rawValue)"))
        }
        for kind in WorkspaceError.Kind.allCases {
            cases.append(Case(error: WorkspaceError(kind, "workspace says \(kind.rawValue)"), statusClass: 4, message: "workspace says \(kind.rawValue)"))
        }
        for code in RF2Error.Code.allCases {
            let error = RF2Error(code, file: "f.txt", line: 2, column: "id", value: "x", reason: "rf2 says \(code.rawValue)")
            cases.append(Case(error: error, statusClass: 4, message: "f.txt:2: column id value 'x': rf2 says \(code.rawValue)"))
        }
        cases.append(
            Case(error: ECLSyntaxError(line: 1, column: 3, offset: 2, message: "expected x"), statusClass: 4, message: "ECL syntax error at 1:3: expected x"))
        cases.append(Case(error: ECLEvaluationError("too costly"), statusClass: 4, message: "ECL cannot be evaluated: ECL evaluation error: too costly"))
        return cases
    }()

    @Test("each StoreError, WorkspaceError, RF2Error and ECL error gets its status class and message")
    func everyErrorCase() async throws {
        let server = try TestServer()
        let router = buildRouter(server.services)
        router.get("walk/{index}") { _, context -> String in
            let index = try context.parameters.require("index", as: Int.self)
            throw Self.cases[index].error
        }
        try await Application(router: router).test(.router) { client in
            for (index, item) in Self.cases.enumerated() {
                try await client.execute(uri: "/walk/\(index)", method: .get) { response in
                    #expect(Int(response.status.code) / 100 == item.statusClass, "\(item.error)")
                    let message = response.object["message"] as? String
                    if item.statusClass == 4 {
                        #expect(message == item.message, "\(item.error)")
                    } else {
                        #expect(message == "internal error" || message == item.message, "\(item.error)")
                    }
                }
            }
        }
        #expect(Self.cases.count == StoreError.Code.allCases.count + WorkspaceError.Kind.allCases.count + RF2Error.Code.allCases.count + 2)
    }
}
