import ConceptSearch
import ECL
import Foundation
import Hummingbird
import TerminologyStore
import StewardViews

/// `/api/v1/search`, `/api/v1/ecl` and `/api/v1/subsumes`: finding concepts in a release.
struct SearchRoutes: Sendable {
    let services: ServerServices

    func register(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "search", .read) { request, _ in
            guard let text = request.query("q") ?? request.query("term") else {
                throw APIError.badRequest("parameter 'q' (the search text) is required")
            }
            let release = try services.releases.release(request.query("release"))
            let conditional = ConditionalGet(release: release, request: request)
            if let notModified = conditional.notModified { return notModified }
            let engines = release.engines
            var search = try Self.searchRequest(request, text: text)
            if let ecl = request.query("ecl") {
                search.conceptIds = try engines.ecl.conceptIds(ecl)
            }
            return conditional.json(SearchPageView(try engines.searcher.search(search)))
        }
        api.add(.get, "ecl", .read) { request, _ in
            guard let expression = request.query("expression") ?? request.query("ecl") else {
                throw APIError.badRequest("parameter 'expression' (the ECL) is required")
            }
            return try evaluate(request, expression: expression, paging: try Paging(request, defaultLimit: 100))
        }
        api.add(.post, "ecl", .read) { request, context in
            let body = try await request.decodeJSON(ECLQuery.self, context: context)
            var paging = try Paging(request, defaultLimit: 100)
            if let limit = body.limit {
                guard (0...10_000).contains(limit) else { throw APIError.badRequest("limit must be from 0 to 10000, got \(limit)") }
                paging.limit = limit
            }
            if let offset = body.offset {
                guard offset >= 0 else { throw APIError.badRequest("offset must not be negative, got \(offset)") }
                paging.offset = offset
            }
            return try evaluate(request, expression: body.expression, paging: paging, release: body.release)
        }
        api.add(.get, "subsumes", .read) { request, _ in
            let a = try Identifier.concept(request.query("a"), parameter: "a")
            let b = try Identifier.concept(request.query("b"), parameter: "b")
            let release = try services.releases.release(request.query("release"))
            let conditional = ConditionalGet(release: release, request: request)
            if let notModified = conditional.notModified { return notModified }
            let store = release.engines.store
            for id in [a, b] where try store.concept(id) == nil {
                throw APIError.notFound("concept \(id) is not in release \(release.info.name)")
            }
            return try conditional.json(SubsumptionView(a: String(a), b: String(b), release: release.info.name, outcome: try Subsumption.outcome(store, a, b)))
        }
    }

    private func evaluate(_ request: Request, expression: String, paging: Paging, release reference: String? = nil) throws -> Response {
        let parsed = try ECLParser.parse(expression)
        let release = try services.releases.release(reference ?? request.query("release"))
        let conditional = ConditionalGet(release: release, request: request)
        if request.method == .get, let notModified = conditional.notModified { return notModified }
        let engines = release.engines
        let result = try engines.ecl.evaluate(parsed, limit: paging.limit, offset: paging.offset)
        if let fields = result.fields, let rows = result.rows {
            let items = rows.map { Dictionary(uniqueKeysWithValues: zip(fields, $0)) }
            return try conditional.json(ECLPageView(total: result.total, offset: paging.offset, limit: paging.limit, fields: fields, items: nil, rows: items))
        }
        let items = try named(engines.store, result.ids, try request.languagePreference())
        return try conditional.json(ECLPageView(total: result.total, offset: paging.offset, limit: paging.limit, fields: nil, items: items, rows: nil))
    }

    static func searchRequest(_ request: Request, text: String) throws -> SearchRequest {
        let paging = try Paging(request, defaultLimit: 20, maximumLimit: 1000)
        let refsetIds = try request.queryAll("refset").map { try Identifier.concept($0, parameter: "refset") }
        var kinds = Set(DescriptionKind.allCases)
        let types = request.queryAll("types")
        if !types.isEmpty {
            kinds = Set(
                try types.map { value in
                    guard let kind = DescriptionKind(rawValue: value.lowercased()) else {
                        throw APIError.badRequest("unknown description type '\(value)' in 'types': use fsn or synonym")
                    }
                    return kind
                })
        }
        return SearchRequest(
            text: text, preference: try request.languagePreference(), limit: paging.limit, offset: paging.offset, refsetIds: refsetIds,
            semanticTags: request.queryAll("tag"), includeInactiveConcepts: try request.queryBool("includeInactive"),
            includeInactiveDescriptions: try request.queryBool("includeInactiveDescriptions"), descriptionKinds: kinds,
            allowTypos: try request.queryBool("typos", default: true))
    }
}

/// The body of `POST /api/v1/ecl`, for expressions too long for a URL.
struct ECLQuery: Decodable, Sendable {
    var expression: String
    var release: String?
    var limit: Int?
    var offset: Int?
}

/// One page of an ECL result: concepts with display terms, or member field rows for `^ [fields]`.
struct ECLPageView: Encodable, Sendable {
    var total: Int
    var offset: Int
    var limit: Int
    var fields: [String]?
    var items: [ConceptView.Named]?
    var rows: [[String: String]]?
}

struct SubsumptionView: Encodable, Sendable {
    var a: String
    var b: String
    var release: String
    var outcome: String
}

/// FHIR `$subsumes` outcomes, shared by the REST route and the FHIR operation.
enum Subsumption {
    static func outcome(_ store: ReleaseStore, _ a: Int64, _ b: Int64) throws -> String {
        if a == b { return "equivalent" }
        if try store.isSubsumed(b, by: a) { return "subsumes" }
        if try store.isSubsumed(a, by: b) { return "subsumed-by" }
        return "not-subsumed"
    }
}
