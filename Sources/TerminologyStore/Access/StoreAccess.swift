import Foundation
import NIOPosix

/// Where blocking SQLite work runs when async code starts it.
///
/// GRDB's calls block the calling thread. A server's async handlers run on the Swift concurrency pool (one
/// thread per core) and NIO's event loops; a SQLite read there stalls every other request on that thread.
/// So async code reaches a release store or the workspace only inside ``run(_:)``, which runs the body on
/// ``executor``'s threads, made to be blocked; inside it, the stores' synchronous API is used as everywhere. A request scope (``forbidsBlocking``, bound by
/// the server for each request) makes any other synchronous read an error in debug builds, which is how the
/// test suite catches a route that forgot.
public enum StoreAccess {
    /// Bound to true by the server for the handling of a request: blocking reads must go through `access`.
    @TaskLocal public static var forbidsBlocking = false
    /// True while a body runs on ``executor`` (task-locals follow the task onto it).
    @TaskLocal static var onBlockingExecutor = false

    /// The threads that store bodies run on.
    public static let executor = BlockingExecutor(threads: threadCount(ProcessInfo.processInfo.environment["STEWARD_STORE_THREADS"]))

    /// The executor's size: `STEWARD_STORE_THREADS` when it is a number from 1 to 1024, else 4 per core and at
    /// least 8. Every request handler runs there, so this bounds how many (for example slow ECL evaluations)
    /// run at once.
    static func threadCount(_ setting: String?) -> Int {
        if let setting, let count = Int(setting), (1...1024).contains(count) { return count }
        return max(8, 4 * ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Runs `body` on ``executor`` and resumes the caller with its result. Task-local values (the request's
    /// ECL time limit, for example) stay visible inside, because the body runs in the calling task; so do
    /// its child tasks (`async let`, task groups) and default actors it calls.
    public static func run<T>(_ body: () async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(executor) {
            try await $onBlockingExecutor.withValue(true) { try await body() }
        }
    }

    /// Called by every synchronous store and workspace read: inside a request scope but off ``executor``,
    /// the call would block a thread that serves other requests. Debug builds refuse it (the tests run in
    /// debug); release builds let it pass rather than fail a request over a scheduling mistake.
    public static func checkBlockingAllowed(_ what: @autoclosure () -> String) throws {
        guard forbidsBlocking, !onBlockingExecutor else { return }
        #if DEBUG
            throw StoreError(
                .blockingAccess, "blocking \(what()) on a request thread: async code reads stores inside StoreAccess.run")
        #endif
    }
}

/// A task executor over a fixed pool of threads (NIO's `NIOThreadPool`) that may block on SQLite and files.
/// Fixed, because the dispatch pool on Linux adds a thread for blocked work only about once a second, which
/// under load turns into queueing; several, so one slow ECL evaluation never holds up a quick lookup.
public final class BlockingExecutor: TaskExecutor, Sendable {
    private let pool: NIOThreadPool

    init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        // The pool is never shut down, so every job runs (a cancelled work item would strand its task).
        pool.submit { _ in job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
