/// Writes JSON text straight into bytes, for the resources the hot terminology routes return.
///
/// Foundation's `JSONEncoder` goes through generic containers and boxes every value; on `$lookup` that cost
/// more CPU than reading the concept from SQLite. The writer produces the same bytes as the shared encoder
/// (keys in the order the caller writes them, which callers keep sorted; slashes unescaped; control
/// characters as `\uXXXX` or their short forms), so answers do not change with the route that built them.
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    /// Whether the next key or array element needs a comma before it.
    private var needsComma = false

    package init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    package mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    package mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Starts an object member; the next value written is its value.
    package mutating func key(_ name: String) {
        separate()
        writeQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    package mutating func string(_ text: String) {
        separate()
        writeQuoted(text)
        needsComma = true
    }

    package mutating func bool(_ flag: Bool) {
        separate()
        bytes.append(contentsOf: flag ? Self.trueBytes : Self.falseBytes)
        needsComma = true
    }

    package mutating func integer(_ number: Int) {
        separate()
        bytes.append(contentsOf: String(number).utf8)
        needsComma = true
    }

    /// A number as `JSONEncoder` spells it: Swift's shortest round-trip form without a trailing `.0`
    /// (`500`, `1.5`, `1e+21`). Not-a-number and infinities have no JSON form and are written as null.
    package mutating func decimal(_ number: Double) {
        var spelled = number.isFinite ? number.description : "null"
        if spelled.hasSuffix(".0") { spelled.removeLast(2) }
        separate()
        bytes.append(contentsOf: spelled.utf8)
        needsComma = true
    }

    /// `"name": value` when the value is present.
    package mutating func member(_ name: String, _ text: String?) {
        guard let text else { return }
        key(name)
        string(text)
    }

    package mutating func member(_ name: String, _ flag: Bool?) {
        guard let flag else { return }
        key(name)
        bool(flag)
    }

    package mutating func member(_ name: String, _ number: Int?) {
        guard let number else { return }
        key(name)
        integer(number)
    }

    package mutating func member(_ name: String, _ number: Double?) {
        guard let number else { return }
        key(name)
        decimal(number)
    }

    /// A string map as an object with its keys in sorted order.
    package mutating func member(_ name: String, _ map: [String: String]?) {
        guard let map else { return }
        key(name)
        beginObject()
        for (key, value) in map.sorted(by: { $0.key < $1.key }) { member(key, value) }
        endObject()
    }

    package mutating func member(_ name: String, _ value: (some JSONWritable)?) {
        guard let value else { return }
        key(name)
        value.write(to: &self)
    }

    package mutating func member(_ name: String, _ values: [some JSONWritable]?) {
        guard let values else { return }
        key(name)
        beginArray()
        for value in values { value.write(to: &self) }
        endArray()
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func writeQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: Array("u00".utf8))
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// A value that writes itself with a `JSONWriter`, keys in sorted order, giving the bytes the shared
/// `JSONEncoder` would. It stays `Encodable` so generic code (tests, the OpenAPI examples) can still encode it.
package protocol JSONWritable: Encodable {
    func write(to writer: inout JSONWriter)
}

extension JSONWritable {
    /// The value as JSON bytes.
    package func jsonBytes(capacity: Int = 4096) -> [UInt8] {
        var writer = JSONWriter(capacity: capacity)
        write(to: &writer)
        return writer.bytes
    }
}
