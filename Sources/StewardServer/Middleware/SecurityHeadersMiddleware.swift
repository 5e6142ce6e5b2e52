import HTTPTypes
import Hummingbird

/// Headers that stop browsers from reinterpreting answers: `nosniff` on every response, and on HTML a
/// Content-Security-Policy with frame protection. Hummingbird's `ContentSecurityMiddleware` appends one
/// policy to every response; a route with a policy of its own (the self-contained diff report, whose script
/// and styles are inline) would then get both, and browsers enforce the stricter, so this keeps a route's.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = StewardRequestContext

    /// For Steward's own pages: only its own scripts, styles and images, never framed.
    static let defaultPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.contentType]?.lowercased().hasPrefix("text/html") == true {
            if response.headers[.contentSecurityPolicy] == nil {
                response.headers[.contentSecurityPolicy] = Self.defaultPolicy
            }
            response.headers[Self.frameOptions] = "DENY"
            response.headers[Self.referrerPolicy] = "same-origin"
        }
        return response
    }
}
