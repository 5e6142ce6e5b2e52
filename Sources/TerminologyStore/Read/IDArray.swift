import Foundation

/// Sorted concept id arrays stored as BLOBs of little-endian 64-bit integers (the IS-A closure).
enum IDArray {
    static func encode(_ ids: some Collection<Int64>) -> Data {
        var data = Data(count: ids.count * 8)
        data.withUnsafeMutableBytes { buffer in
            for (index, id) in ids.enumerated() {
                buffer.storeBytes(of: id.littleEndian, toByteOffset: index * 8, as: Int64.self)
            }
        }
        return data
    }

    static func decode(_ data: Data, range: Range<Int>? = nil) -> [Int64] {
        let count = data.count / 8
        let range = (range ?? 0..<count).clamped(to: 0..<count)
        return data.withUnsafeBytes { buffer in
            range.map { Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self)) }
        }
    }

    static func contains(_ data: Data, _ id: Int64) -> Bool {
        data.withUnsafeBytes { buffer in
            var low = 0
            var high = buffer.count / 8
            while low < high {
                let middle = (low + high) / 2
                let value = Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: middle * 8, as: Int64.self))
                if value == id { return true }
                if value < id { low = middle + 1 } else { high = middle }
            }
            return false
        }
    }
}
