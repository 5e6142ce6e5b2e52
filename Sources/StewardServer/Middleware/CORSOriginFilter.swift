import HTTPTypes
import Hummingbird

/// Hummingbird's CORS middleware echoes any origin when configured per origin; this keeps the CORS headers
/// only for the configured origins, so other sites' pages cannot read the answers.
struct CORSOriginFilter: RouterMiddleware {
    typealias Context = StewardRequestContext
    let allowed: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if let origin = request.headers[.origin], !allowed.contains(origin) {
            for name: HTTPField.Name in [
                .accessControlAllowOrigin, .accessControlAllowCredentials, .accessControlAllowHeaders, .accessControlAllowMethods, .accessControlExposeHeaders,
                .accessControlMaxAge,
            ] {
                response.headers[name] = nil
            }
        }
        return response
    }
}
