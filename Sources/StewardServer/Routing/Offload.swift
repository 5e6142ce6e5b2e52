import NIOPosix

/// Runs blocking work (large reports, exports, file writes) on NIO's blocking-I/O thread pool, so the
/// threads that answer quick requests are not held up behind it.
enum Offload {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        // Task-local values do not cross into the pool's threads; carry the response capture over.
        let capture = ResponseCapture.current
        return try await NIOThreadPool.singleton.runIfActive {
            try ResponseCapture.$current.withValue(capture) { try body() }
        }
    }
}
