import Foundation

/// A SNOMED CT component id as a request names it: an integer in Swift, a string in JSON (SCTIDs exceed
/// the integer range JavaScript clients can represent). Decoding also accepts a JSON number.
public struct ComponentID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public var value: Int64

    public init(_ value: Int64) {
        self.value = value
    }

    public init(integerLiteral value: Int64) {
        self.value = value
    }

    /// Parses decimal digits; nil for anything else.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy(\.isASCII), let value = Int64(trimmed), value > 0 else { return nil }
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            value = number
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = ComponentID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a SNOMED CT id (decimal digits)")
        }
        value = parsed.value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(value))
    }

    public var description: String { String(value) }

    public static func < (lhs: ComponentID, rhs: ComponentID) -> Bool { lhs.value < rhs.value }
}
