import HTTPTypes
import Hummingbird
import TerminologyStore

/// Serves repeated reads of release data from `ResponseCache`. Only routes whose answers depend on the
/// release stores alone are stored (see `cacheableRoutes`); an answer that read the workspace (a local
/// refset's value set, marked with `ResponseCapture.markWorkspaceRead`) and anything that is not a 200 are
/// always computed. Runs after authentication, and serves a cached
/// answer only to a caller who may read.
struct ResponseCacheMiddleware: RouterMiddleware {
    typealias Context = StewardRequestContext
    let cache: ResponseCache
    let releases: ReleaseRegistry

    /// Route patterns whose GET answers are a function of (release set, URL, Accept-Language, Accept).
    static let cacheableRoutes: Set<String> = [
        "/api/v1/releases/{release}", "/api/v1/concepts/{id}", "/api/v1/concepts/{id}/descriptions", "/api/v1/concepts/{id}/parents",
        "/api/v1/concepts/{id}/children", "/api/v1/concepts/{id}/ancestors", "/api/v1/concepts/{id}/descendants",
        "/api/v1/concepts/{id}/attributes", "/api/v1/concepts/{id}/refsets", "/api/v1/concepts/{id}/history", "/api/v1/search",
        "/api/v1/ecl", "/api/v1/subsumes", "/fhir/CodeSystem/$lookup", "/fhir/CodeSystem/$validate-code", "/fhir/CodeSystem/$subsumes",
        "/fhir/ValueSet/$expand", "/fhir/ValueSet/$validate-code", "/fhir/ConceptMap/$translate",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard cache.isEnabled, request.method == .get, context.identity != nil || context.anonymousReadAllowed else {
            return try await next(request, context)
        }
        let generation: Int
        if let fresh = releases.generationIfFresh {
            generation = fresh
        } else {
            let releases = releases
            generation = try await StoreAccess.run { try releases.generation() }
        }
        let key = "\(generation)|\(request.uri)|\(request.headers[.acceptLanguage] ?? "")|\(request.headers[.accept] ?? "")"
        if let entry = cache.get(key) {
            if let etag = entry.headers[.eTag], let match = request.headers[.ifNoneMatch], ConditionalGet.matches(match, etag) {
                return Response(status: .notModified, headers: entry.headers)
            }
            return Response(status: entry.status, headers: entry.headers, body: .init(byteBuffer: entry.body))
        }
        let box = ResponseCapture.Box()
        let response = try await ResponseCapture.$current.withValue(box) {
            try await next(request, context)
        }
        if response.status == .ok, !box.readsWorkspace, let body = box.body, let route = context.endpointPath, Self.cacheableRoutes.contains(route) {
            cache.put(key, ResponseCache.Entry(status: response.status, headers: response.headers, body: body))
        }
        return response
    }
}
