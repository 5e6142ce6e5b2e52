import Foundation
import Testing
@testable import Workspace

@Suite struct RequestWorkflowTests {
    static let ada = TemporaryWorkspace.author
    static let bob = WorkspaceUser(name: "bob", role: .author)
    static let rita = TemporaryWorkspace.reviewer
    static let admin = TemporaryWorkspace.admin

    static func other(_ summary: String = "Add a text definition") -> RequestContent {
        RequestContent(summary: summary, topic: "Definitions", useCase: "Clinicians ask for it", payload: .other(.init(details: "Define 22298006")))
    }

    /// Admin moves that bring a fresh request to each status.
    static let paths: [RequestStatus: [RequestStatus]] = [
        .draft: [],
        .submitted: [.submitted],
        .underReview: [.submitted, .underReview],
        .clarificationNeeded: [.submitted, .underReview, .clarificationNeeded],
        .accepted: [.submitted, .underReview, .accepted],
        .rejected: [.submitted, .underReview, .rejected],
        .forwarded: [.submitted, .underReview, .accepted, .forwarded],
        .released: [.submitted, .underReview, .accepted, .forwarded, .released],
        .closed: [.submitted, .underReview, .accepted, .closed],
        .withdrawn: [.withdrawn],
    ]

    static func move(_ workspace: Workspace, _ request: ChangeRequest, to status: RequestStatus, by user: WorkspaceUser) throws -> ChangeRequest {
        try workspace.transitionRequest(
            request.id, to: status, expectedVersion: request.version, reason: "because", externalReference: status == .forwarded ? "RMP-1" : nil, by: user)
    }

    /// A request by ada, moved by the admin to `status`.
    static func request(in status: RequestStatus, _ workspace: Workspace) throws -> ChangeRequest {
        var request = try workspace.createRequest(other(), release: nil, by: ada)
        for step in paths[status]! { request = try move(workspace, request, to: step, by: admin) }
        #expect(request.status == status)
        return request
    }

    /// The legal moves, written out by hand from the workflow description (not derived from the code).
    static let requesterMoves: [RequestStatus: [RequestStatus]] = [
        .draft: [.submitted, .withdrawn], .submitted: [.withdrawn], .underReview: [.withdrawn], .clarificationNeeded: [.submitted, .withdrawn],
    ]
    static let reviewerMoves: [RequestStatus: [RequestStatus]] = [
        .submitted: [.underReview], .underReview: [.clarificationNeeded, .accepted, .rejected], .accepted: [.forwarded, .released, .closed],
        .forwarded: [.released, .closed],
    ]

    static func legal(from status: RequestStatus, for user: WorkspaceUser) -> [RequestStatus] {
        let moves: [RequestStatus]
        switch user.name {
        case "ada": moves = requesterMoves[status] ?? []
        case "rita": moves = reviewerMoves[status] ?? []
        case "admin": moves = (requesterMoves[status] ?? []) + (reviewerMoves[status] ?? [])
        default: moves = []
        }
        return RequestStatus.allCases.filter(moves.contains)
    }

    @Test func everyTransitionIsCheckedAgainstStatusAndRole() throws {
        let workspace = try TemporaryWorkspace().workspace
        var accepted = 0
        for status in RequestStatus.allCases {
            let fixed = try Self.request(in: status, workspace)
            for user in [Self.ada, Self.bob, Self.rita, Self.admin, TemporaryWorkspace.viewer] {
                let legal = Self.legal(from: status, for: user)
                #expect(RequestWorkflow.allowedTargets(from: status, for: user, requester: "ada") == legal, "\(status) \(user.name)")
                for target in RequestStatus.allCases {
                    if legal.contains(target) {
                        let request = try Self.request(in: status, workspace)
                        let moved = try Self.move(workspace, request, to: target, by: user)
                        #expect(moved.status == target)
                        #expect(moved.version == request.version + 1)
                        accepted += 1
                        continue
                    }
                    #expect {
                        try Self.move(workspace, fixed, to: target, by: user)
                    } throws: { error in
                        let error = try #require(error as? WorkspaceError)
                        if user.role == .viewer {
                            return error.kind == .forbidden && error.message == "vera (viewer) may not transition request: that needs the author role or higher"
                        }
                        if let move = RequestWorkflow.transitions.first(where: { $0.from == status && $0.to == target }) {
                            let who = move.actor == .requester ? "its requester (\(fixed.requester)) or an admin" : "a reviewer or an admin"
                            #expect(
                                error.message
                                    == "\(user.name) (\(user.role.rawValue)) may not move request \(fixed.id) from \(status.rawValue) to \(target.rawValue): only \(who) may"
                            )
                            return error.kind == .forbidden
                        }
                        let list = legal.isEmpty ? "none" : legal.map(\.rawValue).joined(separator: ", ")
                        let expected =
                            "request \(fixed.id) cannot go from \(status.rawValue) to \(target.rawValue) by \(user.name) (\(user.role.rawValue)); "
                            + "allowed from \(status.rawValue): \(list)"
                        #expect(error.message == expected)
                        return error.kind == .illegalTransition
                    }
                }
            }
            #expect(try workspace.request(fixed.id) == fixed)
        }
        // 9 reviewer moves + 6 requester moves for the admin, 9 for rita, 6 for ada.
        #expect(accepted == 30)
    }

    @Test func fullWorkflowFromDraftToReleased() throws {
        let workspace = try TemporaryWorkspace().workspace
        var request = try workspace.createRequest(Self.other(), release: nil, by: Self.ada)
        request = try workspace.transitionRequest(request.id, to: .submitted, expectedVersion: 1, by: Self.ada)
        request = try workspace.assignRequest(request.id, to: "rita", expectedVersion: 2, by: Self.rita)
        #expect(request.assignee == "rita")
        request = try workspace.transitionRequest(request.id, to: .underReview, expectedVersion: 3, by: Self.rita)

        // Edits only by the requester, only in draft or clarification-needed.
        #expect {
            try workspace.updateRequest(request.id, content: Self.other("Changed"), expectedVersion: 4, release: nil, by: Self.ada)
        } throws: { error in
            (error as? WorkspaceError)?.message == "request 1 is under-review: it can be edited only in draft or clarification-needed"
        }
        #expect {
            try workspace.transitionRequest(request.id, to: .clarificationNeeded, expectedVersion: 4, reason: " ", by: Self.rita)
        } throws: { error in
            (error as? WorkspaceError)?.message == "moving request 1 to clarification-needed needs a reason"
        }
        request = try workspace.transitionRequest(request.id, to: .clarificationNeeded, expectedVersion: 4, reason: "Which definition source?", by: Self.rita)
        #expect {
            try workspace.updateRequest(request.id, content: Self.other("Changed"), expectedVersion: 5, release: nil, by: Self.bob)
        } throws: { error in
            (error as? WorkspaceError)?.message == "bob (author) may not edit request 1: only its requester (ada) or an admin may"
        }
        _ = try workspace.commentOnRequest(request.id, text: "From the ESC guideline", by: Self.ada)
        request = try workspace.updateRequest(request.id, content: Self.other("Add the ESC text definition"), expectedVersion: 5, release: nil, by: Self.ada)
        #expect(request.content.summary == "Add the ESC text definition")
        request = try workspace.transitionRequest(request.id, to: .submitted, expectedVersion: 6, by: Self.ada)
        request = try workspace.transitionRequest(request.id, to: .underReview, expectedVersion: 7, by: Self.rita)
        request = try workspace.transitionRequest(request.id, to: .accepted, expectedVersion: 8, by: Self.rita)
        #expect {
            try workspace.transitionRequest(request.id, to: .forwarded, expectedVersion: 9, by: Self.rita)
        } throws: { error in
            (error as? WorkspaceError)?.message == "forwarding request 1 needs the national release centre's external reference"
        }
        request = try workspace.transitionRequest(request.id, to: .forwarded, expectedVersion: 9, externalReference: "RMP-2025-17", by: Self.rita)
        #expect(request.externalReference == "RMP-2025-17")
        request = try workspace.transitionRequest(request.id, to: .released, expectedVersion: 10, reason: "In NO 20250415", by: Self.rita)
        #expect(request.status == .released)
        #expect(request.version == 11)
        #expect(request.status.isFinal)

        let history = try workspace.requestHistory(request.id).map {
            "\($0.from?.rawValue ?? "-") > \($0.to.rawValue) \($0.actor)/\($0.role.rawValue) \($0.reason ?? "")"
        }
        #expect(
            history == [
                "- > draft ada/author ", "draft > submitted ada/author ", "submitted > under-review rita/reviewer ",
                "under-review > clarification-needed rita/reviewer Which definition source?", "clarification-needed > submitted ada/author ",
                "submitted > under-review rita/reviewer ", "under-review > accepted rita/reviewer ", "accepted > forwarded rita/reviewer ",
                "forwarded > released rita/reviewer In NO 20250415",
            ])
        #expect(try workspace.requestComments(request.id).map { "\($0.author): \($0.text)" } == ["ada: From the ESC guideline"])

        // Rejection needs a reason; the requester withdraws another request.
        var second = try workspace.createRequest(Self.other("Second"), release: nil, by: Self.ada)
        second = try workspace.transitionRequest(second.id, to: .submitted, expectedVersion: 1, by: Self.ada)
        second = try workspace.transitionRequest(second.id, to: .underReview, expectedVersion: 2, by: Self.rita)
        #expect {
            try workspace.transitionRequest(second.id, to: .rejected, expectedVersion: 3, by: Self.rita)
        } throws: { error in
            (error as? WorkspaceError)?.kind == .invalid
        }
        second = try workspace.transitionRequest(second.id, to: .withdrawn, expectedVersion: 3, reason: "Duplicate of 1", by: Self.ada)
        #expect(second.status == .withdrawn)
        #expect {
            try workspace.assignRequest(second.id, to: "bob", by: Self.ada)
        } throws: { error in
            (error as? WorkspaceError)?.message == "ada (author) may not assign request: that needs the reviewer role or higher"
        }
    }

    @Test func staleVersionsAreRefused() throws {
        let workspace = try TemporaryWorkspace().workspace
        let request = try workspace.createRequest(Self.other(), release: nil, by: Self.ada)
        // Two writers read version 1; the first update wins, the second is refused.
        _ = try workspace.updateRequest(request.id, content: Self.other("First writer"), expectedVersion: 1, release: nil, by: Self.ada)
        #expect {
            try workspace.transitionRequest(request.id, to: .submitted, expectedVersion: 1, by: Self.admin)
        } throws: { error in
            let error = try #require(error as? WorkspaceError)
            #expect(error.currentVersion == 2)
            return error.kind == .conflict
                && error.message == "request 1 was changed by someone else: your edit is based on version 1, the current version is 2; reload and try again"
        }
        #expect {
            try workspace.updateRequest(request.id, content: Self.other("Second writer"), expectedVersion: 1, release: nil, by: Self.admin)
        } throws: { error in
            (error as? WorkspaceError)?.kind == .conflict
        }
        #expect(try workspace.request(request.id).content.summary == "First writer")

        // Concurrently: of two writers based on the same version, exactly one succeeds.
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                _ = try workspace.updateRequest(request.id, content: Self.other("Writer \(index)"), expectedVersion: 2, release: nil, by: Self.ada)
                results.append("ok")
            } catch let error as WorkspaceError {
                results.append(error.kind.rawValue)
            } catch {
                results.append("\(error)")
            }
        }
        #expect(results.values.sorted() == ["conflict", "ok"])
        #expect(try workspace.request(request.id).version == 3)
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [String] = []
        func append(_ value: String) { lock.withLock { storage.append(value) } }
        var values: [String] { lock.withLock { storage } }
    }

    @Test func everyMutationAppendsAnAuditEvent() throws {
        let workspace = try TemporaryWorkspace().workspace
        let request = try workspace.createRequest(Self.other(), release: nil, by: Self.ada)
        _ = try workspace.updateRequest(request.id, content: Self.other("Edited"), expectedVersion: 1, release: nil, by: Self.ada)
        _ = try workspace.transitionRequest(request.id, to: .submitted, expectedVersion: 2, by: Self.ada)
        _ = try workspace.commentOnRequest(request.id, text: "Please review soon", by: Self.ada)
        _ = try workspace.assignRequest(request.id, to: "rita", by: Self.rita)
        #expect(throws: WorkspaceError.self) { try workspace.transitionRequest(request.id, to: .accepted, expectedVersion: 4, by: Self.rita) }

        let (events, total) = try workspace.auditEvents(AuditQuery(entity: "request", entityId: "1"))
        #expect(total == 5)
        #expect(events.map(\.action) == ["assign", "comment", "transition", "update", "create"])
        #expect(events.map(\.actor) == ["rita", "ada", "ada", "ada", "ada"])
        let transition = events[2]
        #expect(transition.note == "draft → submitted")
        #expect(transition.before?.contains(#""status":"draft""#) == true)
        #expect(transition.after?.contains(#""status":"submitted""#) == true)
        #expect(transition.after?.contains(#""version":3"#) == true)
        #expect(events[4].before == nil)
        #expect(events[4].after?.contains(#""summary":"Add a text definition""#) == true)
        #expect(events[1].after?.contains(#""text":"Please review soon""#) == true)
    }

    @Test func listFiltersAndPages() throws {
        let workspace = try TemporaryWorkspace().workspace
        for (index, summary) in ["Heart attack synonym", "Asthma definition", "100% heart_failure", "Heart murmur"].enumerated() {
            let user = index % 2 == 0 ? Self.ada : Self.bob
            let request = try workspace.createRequest(Self.other(summary), release: nil, by: user)
            if index >= 2 { _ = try workspace.transitionRequest(request.id, to: .submitted, expectedVersion: 1, by: user) }
        }
        _ = try workspace.assignRequest(4, to: "rita", by: Self.rita)
        func ids(_ query: RequestQuery) throws -> [Int64] { try workspace.requests(query).requests.map(\.id) }
        #expect(try ids(RequestQuery()) == [1, 2, 3, 4])
        #expect(try ids(RequestQuery(statuses: [.submitted])) == [3, 4])
        #expect(try ids(RequestQuery(statuses: [.draft, .submitted], requester: "bob")) == [2, 4])
        #expect(try ids(RequestQuery(assignee: "rita")) == [4])
        #expect(try ids(RequestQuery(text: "heart")) == [1, 3, 4])
        #expect(try ids(RequestQuery(text: "100%")) == [3])
        #expect(try ids(RequestQuery(text: "t_f")) == [3])
        #expect(try ids(RequestQuery(text: "t_a")) == [])
        #expect(try ids(RequestQuery(type: .newConcept)) == [])
        let page = try workspace.requests(RequestQuery(limit: 2, offset: 1))
        #expect(page.requests.map(\.id) == [2, 3])
        #expect(page.total == 4)
        #expect(throws: WorkspaceError.self) { try workspace.request(99) }
    }
}
