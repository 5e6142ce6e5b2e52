import Foundation
import GRDB

/// One column value read back from a store for a row that differs.
enum StoredValue: Sendable, Hashable, CustomStringConvertible {
    case integer(Int64)
    case text(String)
    case null

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .int64(let number): self = .integer(number)
        case .string(let string): self = .text(string)
        case .double(let number): self = .text(String(number))
        case .blob(let data): self = .text(data.map { String(format: "%02x", $0) }.joined())
        case .null: self = .null
        }
    }

    var integer: Int64? {
        if case .integer(let value) = self { return value }
        if case .text(let text) = self { return Int64(text) }
        return nil
    }

    /// The value as it would appear in an RF2 file.
    var description: String {
        switch self {
        case .integer(let value): String(value)
        case .text(let text): text
        case .null: ""
        }
    }
}
