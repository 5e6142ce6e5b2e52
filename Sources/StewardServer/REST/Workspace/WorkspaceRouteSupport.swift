import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RF2
import TerminologyStore
import Workspace

extension Request {
    /// The version named by `If-Match`, nil without the header. Accepts `"3"`, `W/"3"` and `3`.
    func ifMatchVersion() throws -> Int? {
        guard let header = headers[.ifMatch]?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        var tag = Substring(header)
        if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
        if tag.count >= 2, tag.hasPrefix("\""), tag.hasSuffix("\"") { tag = tag.dropFirst().dropLast() }
        guard let version = Int(tag), version > 0 else {
            throw APIError.badRequest(
                "If-Match '\(header)' is not an ETag of this resource: send the ETag of the version you read, e.g. If-Match: \"3\" (lists and * are not accepted)"
            )
        }
        return version
    }

    /// The version named by `If-Match`, which `action` requires: 428 without it.
    func requiredIfMatch(for action: String) throws -> Int {
        guard let version = try ifMatchVersion() else {
            throw APIError(
                .preconditionRequired,
                "\(action) requires an If-Match header with the ETag of the version the change is based on (from a GET), e.g. If-Match: \"3\"")
        }
        return version
    }

    /// The body as UTF-8 text (uploads of CSV, TSV or RF2 rows).
    func text(context: StewardRequestContext) async throws -> String {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { throw APIError.badRequest("this route needs a request body (the file's content)") }
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw APIError.badRequest("the request body is not UTF-8 text")
        }
        return text
    }

    /// A time query parameter: `YYYY-MM-DD` (midnight UTC; with `endOfDay`, the midnight after it) or an
    /// ISO 8601 time.
    func queryTime(_ name: String, endOfDay: Bool = false) throws -> Date? {
        guard let text = query(name) else { return nil }
        let isDay = text.count == 10
        let full = isDay ? text + "T00:00:00Z" : text
        guard let date = (try? Date.ISO8601FormatStyle().parse(full)) ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(full))
        else {
            throw APIError.badRequest("parameter '\(name)' must be YYYY-MM-DD or an ISO 8601 time such as 2025-04-15T08:30:00Z, got '\(text)'")
        }
        return isDay && endOfDay ? date.addingTimeInterval(86_400) : date
    }

    /// A query parameter naming one value of an enumeration.
    func queryEnum<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = query(name) else { return nil }
        guard let value = T(rawValue: text.lowercased()) else {
            throw APIError.badRequest("parameter '\(name)' must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
        }
        return value
    }
}

/// Turns a stale-version refusal of the workspace into HTTP's answer for a failed If-Match: 412 with the
/// current version in the body and its ETag in the headers.
enum Preconditions {
    static func check<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as WorkspaceError where error.kind == .conflict {
            throw APIError(.preconditionFailed, error.message, currentVersion: error.currentVersion)
        }
    }

    /// A write whose If-Match is optional: with the header, the change is based on that version (stale: 412);
    /// without it, on the version `current` reads now (as the CLI does).
    static func optional<T>(_ request: Request, current: () throws -> Int, _ body: (Int) throws -> T) throws -> T {
        if let expected = try request.ifMatchVersion() {
            return try check { try body(expected) }
        }
        return try body(try current())
    }
}

/// Answers for workspace entities.
enum WorkspaceResponse {
    /// JSON of a versioned entity with its ETag; `location` for a created one. Workspace data changes, so
    /// clients must revalidate (`no-cache`) and shared caches must not keep it.
    static func versioned(
        _ value: some Encodable, version: Int, status: HTTPResponse.Status = .ok, location: String? = nil
    ) throws -> Response {
        var headers: HTTPFields = [.eTag: EntityTag.of(version), .cacheControl: "private, no-cache"]
        if let location { headers[.location] = location }
        return try JSONResponse.make(value, status: status, headers: headers)
    }

    /// 304 when the client's copy is current, else the entity with its ETag.
    static func conditional(_ request: Request, _ value: some Encodable, version: Int) throws -> Response {
        if EntityTag.matches(request, version: version) {
            return Response(status: .notModified, headers: [.eTag: EntityTag.of(version), .cacheControl: "private, no-cache"])
        }
        return try versioned(value, version: version)
    }

    /// JSON of workspace data that has no version of its own.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, location: String? = nil) throws -> Response {
        var headers: HTTPFields = [.cacheControl: "private, no-cache"]
        if let location { headers[.location] = location }
        return try JSONResponse.make(value, status: status, headers: headers)
    }

    /// A file download (exports): the bytes with their type and a file name for saving.
    static func file(_ data: some Sequence<UInt8>, contentType: String, fileName: String) -> Response {
        let safe = String(fileName.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
        return JSONResponse.bytes(
            data, contentType: contentType, headers: [.contentDisposition: "attachment; filename=\"\(safe)\"", .cacheControl: "private, no-cache"])
    }
}

/// Path parameters of workspace routes; each failure is a 400 naming the parameter.
enum WorkspacePath {
    /// A refset concept id: an SCTID with the concept partition and a valid check digit.
    static func refsetId(_ context: StewardRequestContext) throws -> Int64 {
        try Identifier.concept(context.parameters.get("id"), parameter: "id")
    }

    /// A positive number: request, token or version ids.
    static func number(_ context: StewardRequestContext, _ name: String, what: String) throws -> Int64 {
        guard let text = context.parameters.get(name), let value = Int64(text), value > 0 else {
            throw APIError.badRequest("'\(context.parameters.get(name) ?? "")' (\(name)) is not a \(what): expected a positive number")
        }
        return value
    }
}

/// Where a workspace entity lives, for `Location` headers.
enum WorkspaceLocation {
    static func refset(_ id: Int64) -> String { "/api/v1/refsets/\(id)" }
    static func version(_ refsetId: Int64, _ number: Int) -> String { "/api/v1/refsets/\(refsetId)/versions/\(number)" }
    static func request(_ id: Int64) -> String { "/api/v1/requests/\(id)" }
}

extension ServerServices {
    /// The release a refset (or one of its versions) is bound to. A release the server does not serve is a
    /// conflict with the refset's state (409), not an unknown URL.
    func boundRelease(_ name: String, of what: String) throws -> ReleaseStore {
        do {
            return try releases.release(name).engines.store
        } catch let error as StoreError where error.code == .unknownRelease || error.code == .noReleases {
            throw APIError(.conflict, "\(what) is bound to release \(name), which this server does not serve: import it or migrate the refset")
        }
    }
}

/// A namespace from a request body: 7 digits, as SNOMED International issues them.
func checkedNamespace(_ value: LenientInt?, field: String = "namespace") throws -> Int? {
    guard let value else { return nil }
    guard (1_000_000...9_999_999).contains(value.value) else {
        throw APIError.badRequest("field '\(field)': \(value.value) is not a 7-digit SNOMED CT namespace identifier (e.g. 1000202)")
    }
    return value.value
}

/// An integer given as a JSON number or a string of digits (effective times, namespaces, version numbers).
struct LenientInt: Decodable, Sendable {
    var value: Int

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            value = number
            return
        }
        let text = try container.decode(String.self)
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a number")
        }
        value = number
    }
}
