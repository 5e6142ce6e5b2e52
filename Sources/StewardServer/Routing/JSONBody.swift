import Foundation

/// JSON request bodies: their nesting is checked before they are decoded.
///
/// Foundation's decoder and the `Decodable` types on top of it (a FHIR `Parameters` part holds parts) recurse
/// once per level of nesting, so a body of a few megabytes of `[` could exhaust a thread's stack. No body
/// Steward accepts nests deeply: a `Parameters` resource carrying a `ValueSet` with filters is under ten.
enum JSONBody {
    /// Deepest nesting of arrays and objects accepted in a request body.
    static let maximumDepth = 32

    /// Decodes `data` as `T` after checking its nesting; a decoding error names the field (400).
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try checkDepth(data)
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// Throws a 400 when arrays and objects nest deeper than ``maximumDepth`` (strings are skipped, with
    /// their escapes, so brackets inside them do not count).
    static func checkDepth(_ data: Data) throws {
        var depth = 0
        var inString = false
        var escaped = false
        for (offset, byte) in data.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth {
                    throw APIError.badRequest(
                        "invalid request body: JSON nested too deeply at byte \(offset + 1): at most \(maximumDepth) levels of arrays and objects are accepted")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
    }
}
