import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import StewardServer
import TerminologyStore
import Testing
import Workspace

/// A server over a fresh data directory holding the three sample releases (INT-20250101, INT-20250201,
/// NO-20250215), with one token per role. The releases are imported once per test run and copied.
struct TestServer {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The imported sample releases, shared by all tests (read-only).
    private static let template: URL = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("server-template-\(UUID().uuidString)")
        let catalog = ReleaseCatalog(dataDirectory: directory)
        try! FileManager.default.createDirectory(at: catalog.releasesDirectory, withIntermediateDirectories: true)
        let releases = repositoryRoot.appendingPathComponent("Releases")
        let importer = ReleaseImporter(catalog: catalog)
        for packages in [
            ["SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z"], ["SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z"],
            ["SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z", "SnomedCT_ManagedServiceNO_PRODUCTION_NO1000202_20250215T120000Z"],
        ] {
            _ = try! importer.importRelease(from: packages.map { releases.appendingPathComponent($0) })
        }
        return directory
    }()

    let dataDirectory: URL
    let services: ServerServices
    /// Bearer secrets by role.
    let tokens: [Role: String]

    /// - Parameter releases: copy the sample releases in (false: an empty data directory).
    init(
        releases: Bool = true, anonymousRead: Bool = true, maxBodySize: Int = 1024 * 1024, corsOrigins: [String] = [],
        evaluationTimeLimit: Duration = .seconds(20)
    ) throws {
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("server-test-\(UUID().uuidString)")
        let releasesDirectory = dataDirectory.appendingPathComponent("releases")
        try FileManager.default.createDirectory(at: releasesDirectory, withIntermediateDirectories: true)
        if releases {
            let source = Self.template.appendingPathComponent("releases")
            for file in try FileManager.default.contentsOfDirectory(atPath: source.path) where file.hasSuffix(".sqlite") {
                try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: releasesDirectory.appendingPathComponent(file))
            }
        }
        var logger = Logger(label: "steward-test")
        logger.logLevel = .warning
        let configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, dataDirectory: dataDirectory, anonymousRead: anonymousRead, corsOrigins: corsOrigins,
            maxBodySize: maxBodySize, logLevel: .warning, logRequests: false, releaseRefreshInterval: .zero, evaluationTimeLimit: evaluationTimeLimit)
        services = try ServerServices(configuration: configuration, logger: logger)
        let admin = WorkspaceUser(name: "root", role: .admin)
        var tokens: [Role: String] = [:]
        for role in Role.allCases {
            tokens[role] = try services.workspace.createToken(for: "\(role.rawValue)-user", role: role, by: admin).secret
        }
        self.tokens = tokens
    }

    /// Runs `body` against the application with the in-process test client.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await buildApplication(services).test(.router, body)
    }

    /// The `Authorization` header for a role.
    func auth(_ role: Role) -> HTTPFields {
        [.authorization: "Bearer \(tokens[role]!)"]
    }

    /// A fresh copy of the sample releases directory, for tests that add releases while serving.
    static var sampleReleaseFiles: URL { template.appendingPathComponent("releases") }
}

extension TestResponse {
    /// The body decoded as JSON into a dictionary / array tree.
    var json: Any? {
        try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))
    }

    var object: [String: Any] { (json as? [String: Any]) ?? [:] }

    var text: String { String(buffer: body) }
}
