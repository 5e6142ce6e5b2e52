extension OpenAPIDocument {
    private static let refsetId = OpenAPIOperation.Parameter.path("id", "Refset concept id")
    private static let requestId = OpenAPIOperation.Parameter.path("id", "Change request id")
    private static let limit = OpenAPIOperation.Parameter.query("limit", "Page size", type: "integer")
    private static let offset = OpenAPIOperation.Parameter.query("offset", "Items to skip", type: "integer")
    private static let lang = OpenAPIOperation.Parameter.query("lang", "Display languages, e.g. nb,nn,en (else Accept-Language)")
    private static let ifMatch = OpenAPIOperation.Parameter.header(
        "If-Match", "ETag of the version the change is based on (from a GET), e.g. \"3\"; required", required: true)
    private static let optionalIfMatch = OpenAPIOperation.Parameter.header(
        "If-Match", "ETag of the version the change is based on; when given, a stale version is refused with 412")
    private static let ifNoneMatch = OpenAPIOperation.Parameter.header("If-None-Match", "ETag of a cached copy; answered 304 when current")
    private static let release = OpenAPIOperation.Parameter.query("release", "Release name or version URI (default: the newest release)")
    private static let requestFilters: [OpenAPIOperation.Parameter] = [
        .query(
            "status",
            "Only these statuses (repeatable or comma-separated): draft, submitted, under-review, clarification-needed, accepted, rejected, forwarded, released, closed, withdrawn"
        ),
        .query("type", "Only this request type, e.g. new-concept"), .query("requester", "Only requests by this user"),
        .query("assignee", "Only requests assigned to this user"), .query("text", "Only requests whose summary contains this text"),
    ]
    private static let entriesBody =
        "{\"conceptIds\": [\"22298006\"], \"role\": \"member|include|exclude\" (default member), \"reason\": \"why\"}; inactive concepts are accepted with warnings listing replacements, an unknown id refuses the whole change"
    private static let requestBody =
        "A request document: {\"summary\", \"useCase\", \"topic\", \"references\": [..], \"organisation\", \"localCode\", \"localTerm\", \"namespace\", \"notes\", \"payload\": {\"type\": \"new-concept\", ...}} (ids as strings)"

    static let workspaceOperations: [OpenAPIOperation] = refsetOperations + requestOperations + administrationOperations

    private static let refsetOperations: [OpenAPIOperation] = [
        OpenAPIOperation(
            method: "GET", path: "/api/v1/refsets", tag: "Refsets", summary: "Local refsets by name (paged)",
            parameters: [
                .query("status", "draft (never published), published (latest version is the draft) or modified (draft changed since)"),
                .query("kind", "extensional or intensional"), .query("release", "Only refsets bound to this release"), limit, offset,
            ], errors: [400]),
        OpenAPIOperation(
            method: "POST", path: "/api/v1/refsets", tag: "Refsets",
            summary: "Create a refset bound to a release; answers 201 with Location and ETag",
            body:
                "{\"name\", \"description\", \"owner\", \"kind\": \"extensional|intensional\", \"ecl\", \"moduleId\", \"language\": \"nb|nn|en\", \"namespace\", \"release\", \"id\"}; moduleId, language and namespace default to the workspace settings, release to the newest",
            access: "author", errors: [400, 404, 413], successStatus: 201),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/refsets/containing/{conceptId}", tag: "Refsets",
            summary: "Refsets that contain a concept: local drafts, local published versions and the release's refsets",
            parameters: [.path("conceptId", "Concept id"), release]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/refsets/{id}", tag: "Refsets", summary: "One refset's metadata; ETag is its version",
            parameters: [refsetId, ifNoneMatch]),
        OpenAPIOperation(
            method: "PATCH", path: "/api/v1/refsets/{id}", tag: "Refsets",
            summary: "Change name, description, owner, module, language or ECL definition (not ids, kind or the bound release)",
            parameters: [refsetId, ifMatch], body: "{\"name\", \"description\", \"owner\", \"moduleId\", \"language\", \"ecl\"}: the fields to change",
            access: "author", errors: [400, 404, 409, 412, 413, 428]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/refsets/{id}/detail", tag: "Refsets",
            summary: "A refset with its versions, draft entries and draft members with terms (steward refset show)", parameters: [refsetId, lang],
            errors: [400, 404, 409]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/refsets/{id}/entries", tag: "Refsets",
            summary: "The draft's entries (members, inclusions, exclusions) with who added them and why",
            parameters: [refsetId, .query("role", "member, include or exclude")]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/refsets/{id}/members", tag: "Refsets",
            summary: "Members with preferred terms (paged): the draft (an intensional refset expanded on its release) or a published version",
            parameters: [refsetId, .query("version", "A published version number (default: the draft)", type: "integer"), lang, limit, offset],
            errors: [400, 404, 409]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/refsets/{id}/expansion", tag: "Refsets",
            summary: "The draft's definition plus inclusions minus exclusions, evaluated on a release (default: the bound one)",
            parameters: [refsetId, .query("release", "Release to expand on (default: the refset's)"), lang, limit, offset], errors: [400, 404, 409]),
        OpenAPIOperation(
            method: "POST", path: "/api/v1/refsets/{id}/members", tag: "Refsets", summary: "Add draft entries; answers what changed and warnings",
            parameters: [refsetId, optionalIfMatch], body: entriesBody, access: "author", errors: [400, 404, 409, 412, 413]),
        OpenAPIOperation(
            method: "DELETE", path: "/api/v1/refsets/{id}/members", tag: "Refsets", summary: "Remove draft entries",
            parameters: [refsetId, optionalIfMatch], body: entriesBody, access: "author", errors: [400, 404, 409, 412, 413]),
        OpenAPIOperation(
            method: "POST", path: "/api/v1/refsets/{id}/import", tag: "Refsets",
            summary: "Add the concepts of an uploaded RF2 simple refset file (latest active rows) or CSV/TSV (conceptId, code or id column)",
            parameters: [
                refsetId, optionalIfMatch, .query("role", "member, include or exclude (default member)"),
                .query("sourceRefset", "Which refset's rows to take from an RF2 file holding several"), .query("reason", "Recorded with each entry"),
            ],
            body: "The file's text: CSV, TSV or RF2 simple refset rows (UTF-8)", bodyType: "text/plain", access: "author", errors: [400, 404, 409, 412, 413]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/refsets/{id}/versions", tag: "Refsets", summary: "Published versions, oldest first", parameters: [refsetId]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/refsets/{id}/versions/{number}", tag: "Refsets", summary: "One published version",
            parameters: [refsetId, .path("number", "Version number")]),
        OpenAPIOperation(
            method: "POST", path: "/api/v1/refsets/{id}/versions", tag: "Refsets",
            summary: "Publish the draft as the next immutable version; answers 201 with Location", parameters: [refsetId, optionalIfMatch],
            body: "{\"effectiveTime\": \"20250301\", \"note\": \"release note\"}", access: "reviewer", errors: [400, 404, 409, 412, 413],
            successStatus: 201),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/refsets/{id}/migration", tag: "Refsets",
            summary: "Migration plan to another release: impact, members needing a decision with replacement candidates and suggestions",
            parameters: [refsetId, .query("to", "The release to move to", required: true), lang], errors: [400, 404, 409]),
        OpenAPIOperation(
            method: "POST", path: "/api/v1/refsets/{id}/migration", tag: "Refsets",
            summary: "Apply the migration in one transaction: a decision per affected member (else the plan's suggestion), rebind the draft",
            parameters: [refsetId, ifMatch, lang], body: "{\"to\": \"INT-20250201\", \"decisions\": {\"9900041000202104\": \"keep|remove|replace:ID[+ID]\"}}",
            access: "author", errors: [400, 404, 409, 412, 413, 428]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/refsets/{id}/export", tag: "Refsets", summary: "Export the draft or a published version",
            parameters: [
                refsetId,
                .query(
                    "format",
                    "zip (whole RF2 package, application/zip), rf2 (one simple refset file), csv, tsv, fhir (ValueSet) or file (the RefSets/ JSON file)",
                    required: true),
                .query(
                    "version",
                    "Published version: for csv, tsv and fhir (default: the draft), for zip and rf2 the history up to it (default: the latest); file is always the draft",
                    type: "integer"),
                .query("type", "For rf2: snapshot, full or delta"), .query("country", "Country code of RF2 file names (default: settings)"),
                .query("namespace", "Namespace of RF2 file names (default: settings)", type: "integer"), lang,
            ], errors: [400, 404, 409], responseType: "application/octet-stream"),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/refsets/files", tag: "Refsets", summary: "Every refset as a RefSets/ file, with terms from a release",
            parameters: [release, lang], errors: [400, 404]),
        OpenAPIOperation(
            method: "POST", path: "/api/v1/refsets/files", tag: "Refsets",
            summary: "Load RefSets/ files: create or update refsets to match them (idempotent); reports what changed",
            parameters: [release], body: "{\"files\": [{\"name\": \"hurtigliste.json\", \"content\": {RefSets/ file}}], \"release\", \"namespace\"}",
            access: "author", errors: [400, 404, 413]),
    ]

    private static let requestOperations: [OpenAPIOperation] = [
        OpenAPIOperation(
            method: "GET", path: "/api/v1/requests", tag: "Requests", summary: "Change requests in id order (paged)",
            parameters: requestFilters + [limit, offset], errors: [400]),
        OpenAPIOperation(
            method: "POST", path: "/api/v1/requests", tag: "Requests",
            summary: "Create a draft request checked against a release; answers 201 with Location and ETag",
            parameters: [release, .query("submit", "Submit right away (draft → submitted)", type: "boolean")], body: requestBody, access: "author",
            errors: [400, 404, 413], successStatus: 201),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/requests/export", tag: "Requests",
            summary: "Requests for the national release centre: CSV/TSV (CRS batch columns) or JSON with history and comments",
            parameters: requestFilters + [.query("format", "csv (default), tsv or json")], errors: [400], responseType: "text/csv"),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/requests/satisfied", tag: "Requests",
            summary: "Open requests a release appears to satisfy, each with what was found", parameters: [release], errors: [404]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/requests/{id}", tag: "Requests", summary: "One request; ETag is its version",
            parameters: [requestId, ifNoneMatch]),
        OpenAPIOperation(
            method: "PUT", path: "/api/v1/requests/{id}", tag: "Requests",
            summary: "Replace a request's content (its requester or an admin; draft or clarification-needed only)", parameters: [requestId, ifMatch, release],
            body: requestBody, access: "author", errors: [400, 403, 404, 409, 412, 413, 428]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/requests/{id}/detail", tag: "Requests",
            summary: "A request with its status history and comments (steward request show)", parameters: [requestId]),
        OpenAPIOperation(
            method: "POST", path: "/api/v1/requests/{id}/transition", tag: "Requests",
            summary: "Move a request to another status; an illegal move is 409 naming the allowed ones", parameters: [requestId, ifMatch],
            body: "{\"status\": \"submitted\", \"reason\": \"required to reject or ask for clarification\", \"externalReference\": \"required to forward\"}",
            access: "author", errors: [400, 404, 409, 412, 413, 428]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/requests/{id}/comments", tag: "Requests", summary: "Comments, oldest first", parameters: [requestId]),
        OpenAPIOperation(
            method: "POST", path: "/api/v1/requests/{id}/comments", tag: "Requests", summary: "Add a comment (does not change the version)",
            parameters: [requestId], body: "{\"text\": \"the comment\"}", access: "author", errors: [400, 404, 413], successStatus: 201),
        OpenAPIOperation(
            method: "POST", path: "/api/v1/requests/{id}/assign", tag: "Requests", summary: "Assign a request to a user (null unassigns)",
            parameters: [requestId, optionalIfMatch], body: "{\"assignee\": \"rita\"}", access: "reviewer", errors: [400, 404, 409, 412, 413]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/requests/{id}/history", tag: "Requests", summary: "Status history, oldest first", parameters: [requestId]),
    ]

    private static let administrationOperations: [OpenAPIOperation] = [
        OpenAPIOperation(
            method: "GET", path: "/api/v1/audit", tag: "Workspace", summary: "Audit events, newest first, with before/after snapshots (paged)",
            parameters: [
                .query("entity", "Kind of entity: refset, request, token, settings, workspace"), .query("entityId", "The entity's id (also: id)"),
                .query("user", "Only events by this user (also: actor)"), .query("action", "Only this action, e.g. create, publish, transition"),
                .query("since", "At or after: YYYY-MM-DD or ISO 8601"), .query("until", "Before this time; YYYY-MM-DD includes that day"), limit, offset,
            ], access: "viewer", errors: [400]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/tokens", tag: "Workspace", summary: "Tokens, newest first (never their secrets)", access: "admin", errors: []),
        OpenAPIOperation(
            method: "POST", path: "/api/v1/tokens", tag: "Workspace", summary: "Create a token; the answer carries its secret, shown only this once",
            body: "{\"user\": \"ada\", \"role\": \"viewer|author|reviewer|admin\", \"label\": \"what it is for\"}", access: "admin", errors: [400, 413],
            successStatus: 201),
        OpenAPIOperation(
            method: "DELETE", path: "/api/v1/tokens/{id}", tag: "Workspace", summary: "Revoke a token: requests presenting it are refused from then on",
            parameters: [.path("id", "Token id")], access: "admin", errors: [400, 404]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/workspace/settings", tag: "Workspace",
            summary: "Namespace, country, module and language of the workspace; ETag is its version", parameters: [ifNoneMatch], errors: []),
        OpenAPIOperation(
            method: "PUT", path: "/api/v1/workspace/settings", tag: "Workspace", summary: "Replace the workspace settings",
            parameters: [ifMatch],
            body: "{\"namespace\": \"1000202\", \"countryCode\": \"NO\", \"moduleId\": \"51000202101\", \"language\": \"nb\"} (a field left out is unset)",
            access: "admin", errors: [400, 412, 413, 428]),
        OpenAPIOperation(
            method: "GET", path: "/api/v1/workspace/check", tag: "Workspace", summary: "SQLite integrity and foreign-key check of the workspace",
            access: "admin", errors: []),
        OpenAPIOperation(
            method: "POST", path: "/api/v1/workspace/backup", tag: "Workspace", summary: "A consistent online backup of the workspace, as a SQLite file",
            access: "admin", errors: [], responseType: "application/vnd.sqlite3"),
    ]
}
