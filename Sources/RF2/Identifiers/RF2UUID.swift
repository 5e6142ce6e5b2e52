/// A refset member id: 128 bits kept as two integers, so millions of them stay cheap to hold and compare.
public struct RF2UUID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (either case).
    @inlinable
    public init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 36 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var nibbles = 0
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == 45 else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case 48...57: value = byte - 48
            case 97...102: value = byte - 87
            case 65...70: value = byte - 55
            default: return nil
            }
            if nibbles < 16 {
                high = high << 4 | UInt64(value)
            } else {
                low = low << 4 | UInt64(value)
            }
            nibbles += 1
        }
        self.init(high: high, low: low)
    }

    public init?(_ text: String) {
        var text = text
        guard let value = text.withUTF8({ RF2UUID(bytes: $0) }) else { return nil }
        self = value
    }

    /// Lower-case canonical form, as RF2 writes it.
    public var description: String {
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 45, count: 36)
        var position = 0
        for nibbleIndex in 0..<32 {
            if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
            let word = nibbleIndex < 16 ? high : low
            let shift = UInt64((15 - nibbleIndex % 16) * 4)
            out[position] = hex[Int((word >> shift) & 0xF)]
            position += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func < (lhs: RF2UUID, rhs: RF2UUID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}
