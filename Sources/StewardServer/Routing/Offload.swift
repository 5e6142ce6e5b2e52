import ECL
import NIOPosix

/// Runs blocking work (large reports, exports, file writes) on NIO's blocking-I/O thread pool, so the
/// threads that answer quick requests are not held up behind it.
enum Offload {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        // Task-local values do not cross into the pool's threads; carry the response capture and the
        // request's ECL time limit over.
        let capture = ResponseCapture.current
        let timeLimit = ECLEngine.timeLimit
        return try await NIOThreadPool.singleton.runIfActive {
            try ResponseCapture.$current.withValue(capture) {
                try ECLEngine.$timeLimit.withValue(timeLimit) { try body() }
            }
        }
    }
}
