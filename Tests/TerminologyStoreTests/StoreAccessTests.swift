import Foundation
import GRDB
import Testing
@testable import TerminologyStore

/// The one way async code reaches a store: `StoreAccess.run` moves blocking reads off the threads that
/// serve requests, and inside a request scope a read anywhere else is refused (debug builds, as tests run).
@Suite struct StoreAccessTests {
    func store() throws -> (ReleaseStore, URL) {
        let directory = try temporaryDirectory()
        let catalog = ReleaseCatalog(dataDirectory: directory)
        let summary = try ReleaseImporter(catalog: catalog).importRelease(from: [Samples.int20250101])
        return (try catalog.open(summary.name), directory)
    }

    func conceptCount(_ store: ReleaseStore) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM concept")! }
    }

    @Test func blockingReadInRequestScopeIsCaught() async throws {
        let (store, directory) = try store()
        defer { try? FileManager.default.removeItem(at: directory) }
        await StoreAccess.$forbidsBlocking.withValue(true) {
            #expect {
                _ = try conceptCount(store)
            } throws: { error in
                (error as? StoreError)?.code == .blockingAccess
                    && (error as? StoreError)?.message
                        == "blocking read of release INT-20250101 on a request thread: async code reads stores inside StoreAccess.run"
            }
        }
    }

    @Test func readsInsideRunAreAllowedAndRunOnTheExecutor() async throws {
        let (store, directory) = try store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (count, onExecutor, nested) = try await StoreAccess.$forbidsBlocking.withValue(true) {
            try await StoreAccess.run {
                // A read inside a read of the same store reuses its connection instead of waiting for another.
                let nested = try store.read { _ in try conceptCount(store) }
                let executor = withUnsafeCurrentTask { $0?.unownedTaskExecutor }
                return (try conceptCount(store), executor == StoreAccess.executor.asUnownedTaskExecutor(), nested)
            }
        }
        #expect(count == 247)
        #expect(nested == 247)
        #expect(onExecutor)
    }

    @Test func executorSizeComesFromTheEnvironmentWhenValid() {
        let standard = max(8, 4 * ProcessInfo.processInfo.activeProcessorCount)
        #expect(StoreAccess.threadCount("32") == 32)
        #expect(StoreAccess.threadCount(nil) == standard)
        #expect(StoreAccess.threadCount("0") == standard)
        #expect(StoreAccess.threadCount("many") == standard)
        #expect(StoreAccess.threadCount("5000") == standard)
    }

    @Test func outsideARequestScopeSynchronousReadsWork() throws {
        // The CLI and the libraries read synchronously; only request handling is restricted.
        let (store, directory) = try store()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try conceptCount(store) == 247)
    }

    @Test func concurrentReadsUseSeveralConnections() async throws {
        let (store, directory) = try store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask { try await StoreAccess.run { try conceptCount(store) } }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 247, count: 16))
    }

    /// Bodies that block do not hold the Swift concurrency pool (one thread per core): eight of them, each
    /// waiting until all eight have started, all get a thread. On the pool itself they would wait forever
    /// (here: until the 10 s timeout) as at most `activeProcessorCount` run at once.
    @Test func blockedBodiesDoNotStarveEachOther() async throws {
        let arrivals = Barrier(parties: 8)
        let released = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { try await StoreAccess.run { arrivals.arriveAndWait(timeout: 10) } }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(released == Array(repeating: true, count: 8))
    }
}

/// Waits until `parties` threads have arrived, or the timeout passes (then false).
final class Barrier: @unchecked Sendable {
    private let condition = NSCondition()
    private let parties: Int
    private var arrived = 0

    init(parties: Int) { self.parties = parties }

    func arriveAndWait(timeout seconds: Double) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        condition.broadcast()
        let deadline = Date(timeIntervalSinceNow: seconds)
        while arrived < parties {
            if !condition.wait(until: deadline) { return false }
        }
        return true
    }
}
