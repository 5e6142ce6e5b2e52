import Hummingbird

/// Counts every answered request and its latency under the route pattern (not the raw path, which would
/// make one series per concept id).
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = StewardRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        metrics.record(
            method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: response.status.code,
            duration: ContinuousClock.now - start)
        return response
    }
}
