import Hummingbird

/// Versions over HTTP. A workspace entity's ETag is its version number in quotes (`"3"`); updates name the
/// version they are based on with `If-Match`, so two people editing at once cannot overwrite each other.
enum EntityTag {
    static func of(_ version: Int) -> String { "\"\(version)\"" }

    /// `If-None-Match` holds the current ETag (or `*`).
    static func matches(_ request: Request, version: Int) -> Bool {
        guard let header = request.headers[.ifNoneMatch] else { return false }
        return ConditionalGet.matches(header, of(version))
    }
}
