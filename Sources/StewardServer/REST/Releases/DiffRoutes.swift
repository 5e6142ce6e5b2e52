import Foundation
import Hummingbird
import ReleaseDiff
import TerminologyStore
import Workspace
import StewardViews

/// `/api/v1/diff...` and `/api/v1/impact`: comparing two releases and what the change does to refsets.
/// Reports are computed once per pair and language and kept (see `ReportCache`).
struct DiffRoutes: Sendable {
    let services: ServerServices

    /// The report is one self-contained page: its script and styles are inline (all data in it is escaped),
    /// and it loads nothing else, submits nothing and is never framed.
    static let reportPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    func register(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "diff/summary", .read) { request, _ in
            try await withDiff(request) { report, conditional in try conditional.json(DiffSummaryView(report)) }
        }
        api.add(.get, "diff", .read) { request, _ in
            try await withDiff(request) { report, conditional in try conditional.json(report) }
        }
        api.add(.get, "diff/report", .read) { request, _ in
            try await withDiff(request) { report, conditional in
                var headers = conditional.headers
                headers[.contentSecurityPolicy] = Self.reportPolicy
                return JSONResponse.bytes(Array(HTMLReportRenderer.render(report.document()).utf8), contentType: "text/html; charset=utf-8", headers: headers)
            }
        }
        api.add(.get, "impact", .read) { request, _ in
            let (from, to) = try pair(request)
            let refsetIds = try request.queryAll("refset").map { try Identifier.concept($0, parameter: "refset") }
            let ecl = request.uri.queryParameters.getAll("ecl").filter { !$0.isEmpty }
            let analyzer = ImpactAnalyzer(from: from.engines.store, to: to.engines.store, language: try request.languagePreference())
            let workspace = services.workspace
            let report = try workspace.impactReport(analyzer, refsetIds: refsetIds, ecl: ecl)
            return try JSONResponse.make(report)
        }
    }

    private func pair(_ request: Request) throws -> (ReleaseHandle, ReleaseHandle) {
        guard let from = request.query("from"), let to = request.query("to") else {
            throw APIError.badRequest("parameters 'from' and 'to' (release names or version URIs) are required")
        }
        return (try services.releases.release(from), try services.releases.release(to))
    }

    /// Answers 304 when the client has the report already, else computes (or reuses) it and renders it.
    private func withDiff(_ request: Request, render: @escaping @Sendable (DiffReport, ConditionalGet) throws -> Response) async throws -> Response {
        let (from, to) = try pair(request)
        let language = try request.languagePreference()
        let conditional = ConditionalGet(release: to, request: request, also: from)
        if let notModified = conditional.notModified { return notModified }
        let key = "\(from.etag)|\(to.etag)|\(language.refsetIds)"
        let report = try await services.reports.report(key: key) {
            try await ReleaseDiffer(from: from.engines.store, to: to.engines.store, language: language).compare()
        }
        return try render(report, conditional)
    }
}
