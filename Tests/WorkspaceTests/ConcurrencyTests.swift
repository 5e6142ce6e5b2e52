import Foundation
import GRDB
import Testing
@testable import Workspace

@Suite struct ConcurrencyTests {
    /// Two processes' worth of writers: two `Workspace` instances (two connection pools) on one file.
    /// In every round both read the same version and both try to write on top of it at the same time:
    /// exactly one wins, the other gets `.conflict` naming the winner's version, and nothing is lost.
    @Test func concurrentUpdatesOfOneVersionHaveExactlyOneWinner() async throws {
        let temporary = try TemporaryWorkspace()
        let first = temporary.workspace
        let second = try Workspace(url: first.url)
        let alice = WorkspaceUser(name: "alice", role: .admin)
        let bob = WorkspaceUser(name: "bob", role: .admin)
        let rounds = 25
        var winners: [String: Int] = [:]
        for round in 0..<rounds {
            let seenByAlice = try first.settings()
            let seenByBob = try second.settings()
            #expect(seenByAlice.version == round + 1)
            #expect(seenByBob.version == round + 1)
            var aliceEdit = seenByAlice
            aliceEdit.namespace = 1_000_000 + round
            var bobEdit = seenByBob
            bobEdit.language = "nb-x-\(round)"

            async let aliceResult = Self.attempt(first, aliceEdit, expected: seenByAlice.version, by: alice)
            async let bobResult = Self.attempt(second, bobEdit, expected: seenByBob.version, by: bob)
            let results = await [aliceResult, bobResult]

            let successes = results.compactMap { try? $0.get() }
            let conflicts = results.compactMap { result -> WorkspaceError? in
                if case .failure(let error) = result { return error }
                return nil
            }
            #expect(successes.count == 1)
            #expect(conflicts.count == 1)
            #expect(conflicts.first?.kind == .conflict)
            #expect(conflicts.first?.currentVersion == round + 2)
            let winner = try #require(successes.first)
            #expect(winner.version == round + 2)
            winners[winner.updatedBy ?? "?", default: 0] += 1
            // The stored record is exactly the winner's edit: the loser changed nothing.
            let stored = try first.settings()
            #expect(stored.version == round + 2)
            #expect(stored.namespace == winner.namespace)
            #expect(stored.language == winner.language)
        }
        #expect(try second.settings().version == rounds + 1)
        let audit = try first.auditEvents(AuditQuery(entity: "settings", limit: 1000))
        #expect(audit.total == rounds)
        #expect(audit.events.map(\.actor).sorted() == winners.flatMap { Array(repeating: $0.key, count: $0.value) }.sorted())
        #expect(try first.integrityProblems() == [])
    }

    /// Many writers retrying on conflict: every edit lands exactly once (no lost update).
    @Test func retryingWritersLoseNoUpdate() async throws {
        let temporary = try TemporaryWorkspace()
        let instances = [temporary.workspace, try Workspace(url: temporary.workspace.url)]
        let writers = 4
        let editsPerWriter = 10
        _ = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<writers {
                let workspace = instances[writer % instances.count]
                group.addTask {
                    var conflicts = 0
                    for _ in 0..<editsPerWriter {
                        while true {
                            var settings = try workspace.settings()
                            // The namespace is used as a counter: each edit adds one.
                            settings.namespace = (settings.namespace ?? 1_000_000) + 1
                            do {
                                _ = try workspace.updateSettings(settings, expectedVersion: settings.version, by: TemporaryWorkspace.admin)
                                break
                            } catch let error as WorkspaceError where error.kind == .conflict {
                                conflicts += 1
                            }
                        }
                    }
                    return conflicts
                }
            }
            return try await group.reduce(0, +)
        }
        let settings = try temporary.workspace.settings()
        #expect(settings.namespace == 1_000_000 + writers * editsPerWriter)
        #expect(settings.version == 1 + writers * editsPerWriter)
        #expect(try temporary.workspace.auditEvents(AuditQuery(entity: "settings")).total == writers * editsPerWriter)
    }

    private static func attempt(_ workspace: Workspace, _ settings: WorkspaceSettings, expected: Int, by user: WorkspaceUser) async -> Result<
        WorkspaceSettings, WorkspaceError
    > {
        do {
            return .success(try workspace.updateSettings(settings, expectedVersion: expected, by: user))
        } catch let error as WorkspaceError {
            return .failure(error)
        } catch {
            return .failure(WorkspaceError(.invalid, "unexpected \(error)"))
        }
    }
}
