import Hummingbird
import Logging

/// One structured log line per answered request: method, path, route pattern, status, duration and the
/// token's user (`-` when anonymous); what was written is in the workspace's audit log.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = StewardRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(request.uri.path),
                "route": .string(context.endpointPath ?? "unmatched"),
                "status": .stringConvertible(response.status.code),
                "ms": .string(String(Double(elapsed.nanoseconds) / 1_000_000)),
                "user": .string(context.notes.user ?? "-"),
            ])
        return response
    }
}
