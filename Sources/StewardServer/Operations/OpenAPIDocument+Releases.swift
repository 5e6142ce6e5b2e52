extension OpenAPIDocument {
    private static let release = OpenAPIOperation.Parameter.query("release", "Release name or version URI (default: the newest release)")
    private static let lang = OpenAPIOperation.Parameter.query("lang", "Display languages, e.g. nb,nn,en-GB or en-x-900000000000509007 (else Accept-Language)")
    private static let id = OpenAPIOperation.Parameter.path("id", "Concept id")
    private static let limit = OpenAPIOperation.Parameter.query("limit", "Page size", type: "integer")
    private static let offset = OpenAPIOperation.Parameter.query("offset", "Items to skip", type: "integer")
    private static let ifNoneMatch = OpenAPIOperation.Parameter.header("If-None-Match", "ETag of a cached copy; answered 304 when current")

    static let operationsOperations: [OpenAPIOperation] = [
        OpenAPIOperation(method: "GET", path: "/health", tag: "Operations", summary: "Liveness: the process answers", access: nil, errors: []),
        OpenAPIOperation(
            method: "GET", path: "/ready", tag: "Operations", summary: "Readiness: releases loaded and workspace readable (503 otherwise)", access: nil,
            errors: [503]),
        OpenAPIOperation(
            method: "GET", path: "/metrics", tag: "Operations", summary: "Prometheus metrics: requests and latency per route, store sizes", access: nil,
            errors: [], responseType: "text/plain"),
        OpenAPIOperation(method: "GET", path: "/api/v1/openapi.json", tag: "Operations", summary: "This document", access: nil, errors: []),
    ]

    static let releaseOperations: [OpenAPIOperation] = [
        OpenAPIOperation(method: "GET", path: "/api/v1/releases", tag: "Releases", summary: "Imported releases, newest first", errors: []),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/releases/{release}", tag: "Releases", summary: "One release: modules, packages, counts, import details",
            parameters: [.path("release", "Release name"), ifNoneMatch], errors: [404]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/concepts/{id}", tag: "Concepts",
            summary: "Full concept detail: descriptions with acceptability, parents, children, attributes, refset memberships, history",
            parameters: [id, release, lang, ifNoneMatch]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/concepts/{id}/descriptions", tag: "Concepts", summary: "Descriptions with acceptability per language refset",
            parameters: [id, release, .query("includeInactive", "Include inactive descriptions (default true)", type: "boolean")]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/concepts/{id}/parents", tag: "Concepts", summary: "Direct IS-A parents", parameters: [id, release, lang]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/concepts/{id}/children", tag: "Concepts", summary: "Direct IS-A children", parameters: [id, release, lang]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/concepts/{id}/ancestors", tag: "Concepts", summary: "All IS-A ancestors (paged)",
            parameters: [id, release, lang, limit, offset]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/concepts/{id}/descendants", tag: "Concepts", summary: "All IS-A descendants (paged, with total)",
            parameters: [id, release, lang, limit, offset]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/concepts/{id}/attributes", tag: "Concepts", summary: "Attribute groups (inferred)", parameters: [id, release, lang]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/concepts/{id}/refsets", tag: "Concepts", summary: "Refset memberships with member fields",
            parameters: [id, release, lang]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/concepts/{id}/history", tag: "Concepts",
            summary: "The concept in every imported release; inactivation reason and historical associations", parameters: [id, release, lang]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/search", tag: "Search", summary: "Free-text search: one row per concept, best match first",
            parameters: [
                .query("q", "Search text", required: true), release, lang, limit, offset,
                .query("ecl", "Restrict to an ECL expression's concepts"), .query("refset", "Restrict to active members of refsets (repeatable)"),
                .query("tag", "Restrict to semantic tags (repeatable)"), .query("types", "Description types: fsn, synonym"),
                .query("includeInactive", "Include inactive concepts", type: "boolean"),
                .query("includeInactiveDescriptions", "Match inactive descriptions", type: "boolean"),
                .query("typos", "Typo-tolerant matching (default true)", type: "boolean"), ifNoneMatch,
            ]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/ecl", tag: "Search", summary: "Evaluate ECL 2.2: a page of concepts (or member field rows) and the total",
            parameters: [.query("expression", "The ECL expression", required: true), release, lang, limit, offset, ifNoneMatch]),
        OpenAPIOperation(
            method: "POST", path: "/api/v1/ecl", tag: "Search", summary: "Evaluate ECL 2.2 given in the body (long expressions)",
            parameters: [lang], body: "{\"expression\": \"<< 404684003\", \"release\": \"INT-20250101\", \"limit\": 100, \"offset\": 0}"),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/subsumes", tag: "Search", summary: "Subsumption test: equivalent, subsumes, subsumed-by or not-subsumed",
            parameters: [.query("a", "Concept id A", required: true), .query("b", "Concept id B", required: true), release]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/diff/summary", tag: "Diff", summary: "Counts of changes per component type and refset, roll-up by hierarchy",
            parameters: [.query("from", "Earlier release", required: true), .query("to", "Later release", required: true), lang]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/diff", tag: "Diff", summary: "The full diff report (JSON schema steward-diff/1)",
            parameters: [.query("from", "Earlier release", required: true), .query("to", "Later release", required: true), lang]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/diff/report", tag: "Diff", summary: "The diff as a self-contained HTML report",
            parameters: [.query("from", "Earlier release", required: true), .query("to", "Later release", required: true), lang],
            responseType: "text/html"),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/impact", tag: "Diff",
            summary: "Impact of moving between releases on refsets (default: every local refset) and ECL definitions",
            parameters: [
                .query("from", "Release in production", required: true), .query("to", "Release to move to", required: true),
                .query("refset", "Local or release refset ids (repeatable)"), .query("ecl", "ECL definitions (repeatable)"), lang,
            ]),
    ]
}
