import Hummingbird
import Logging

/// Turns every error into a JSON answer: `ErrorBody` under `/api` and elsewhere, an OperationOutcome under
/// `/fhir`. Internal errors are logged with their detail and answered without it.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = StewardRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let described = ErrorDescription(error)
            if described.isInternal {
                context.logger.error("request failed", metadata: ["path": .string(request.uri.path), "error": .string(String(describing: error))])
            }
            return Self.response(described, path: request.uri.path)
        }
    }

    static func response(_ described: ErrorDescription, path: String) -> Response {
        var headers: HTTPFields = [:]
        if described.status == .unauthorized {
            headers[.wwwAuthenticate] = "Bearer realm=\"steward\""
        }
        if let version = described.currentVersion {
            headers[.eTag] = EntityTag.of(version)
        }
        do {
            if path.hasPrefix("/fhir") {
                let outcome = OperationOutcome(status: described.status, message: described.message, issue: described.issue)
                return try JSONResponse.make(outcome, status: described.status, contentType: JSONResponse.fhirContentType, headers: headers)
            }
            let body = ErrorBody(
                status: described.status.code, error: described.status.reasonPhrase, message: described.message,
                currentVersion: described.currentVersion, position: described.position)
            return try JSONResponse.make(body, status: described.status, headers: headers)
        } catch {
            return Response(status: .internalServerError)
        }
    }
}
