import Foundation
import Hummingbird
import StewardViews

/// ETag / If-None-Match for release data. A release store never changes, so a response is fully
/// determined by the release, the URL and the display language; the ETag is the release's plus a hash of
/// the language header, and a matching If-None-Match is answered 304 before any work is done.
struct ConditionalGet: Sendable {
    let etag: String

    /// `also`: a second release the response depends on (diffs).
    init(release: ReleaseHandle, request: Request, also other: ReleaseHandle? = nil) {
        let language = request.headers[.acceptLanguage] ?? ""
        var tag = String(release.etag.dropLast())
        if let other { tag += "-" + other.etag.dropFirst().dropLast() }
        if !language.isEmpty {
            var hash: UInt32 = 2_166_136_261
            for byte in language.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            tag += "-" + String(hash, radix: 16)
        }
        etag = tag + "\""
        self.request = request
    }

    private let request: Request

    /// 304 when the client already has this representation.
    var notModified: Response? {
        guard let header = request.headers[.ifNoneMatch] else { return nil }
        return Self.matches(header, etag) ? Response(status: .notModified, headers: headers) : nil
    }

    /// Whether an If-None-Match header value names `etag` (weak comparison, as RFC 9110 asks for GET).
    static func matches(_ header: String, _ etag: String) -> Bool {
        header == "*" || header.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "") == etag }
    }

    var headers: HTTPFields {
        [.eTag: etag, .cacheControl: "public, max-age=0, must-revalidate", .vary: "Accept-Language"]
    }

    /// Encodes `value` with the ETag headers.
    func json(_ value: some Encodable) throws -> Response {
        try JSONResponse.make(value, headers: headers)
    }

    func json(_ value: some JSONWritable) -> Response {
        JSONResponse.make(value, headers: headers)
    }
}
