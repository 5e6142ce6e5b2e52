import Foundation

/// Set algebra on ascending, duplicate-free id arrays: linear merges instead of hashing, because every
/// source (closure arrays, indexed queries) already yields sorted ids.
enum SortedIDs {
    static func intersection(_ a: [Int64], _ b: [Int64]) -> [Int64] {
        if a.isEmpty || b.isEmpty { return [] }
        // Very unequal sizes: binary-search the small side in the large one.
        if a.count * 32 < b.count { return a.filter { contains(b, $0) } }
        if b.count * 32 < a.count { return b.filter { contains(a, $0) } }
        var result: [Int64] = []
        result.reserveCapacity(min(a.count, b.count))
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                result.append(a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    static func union(_ a: [Int64], _ b: [Int64]) -> [Int64] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var result: [Int64] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                result.append(a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                result.append(a[i])
                i += 1
            } else {
                result.append(b[j])
                j += 1
            }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }

    static func difference(_ a: [Int64], _ b: [Int64]) -> [Int64] {
        if a.isEmpty || b.isEmpty { return a }
        var result: [Int64] = []
        result.reserveCapacity(a.count)
        var j = 0
        for value in a {
            while j < b.count, b[j] < value { j += 1 }
            if j < b.count, b[j] == value { continue }
            result.append(value)
        }
        return result
    }

    /// Sorts and removes duplicates from ids gathered in any order.
    static func normalized(_ ids: [Int64]) -> [Int64] {
        var sorted = ids
        sorted.sort()
        var result: [Int64] = []
        result.reserveCapacity(sorted.count)
        for id in sorted where result.last != id { result.append(id) }
        return result
    }

    static func contains(_ ids: [Int64], _ id: Int64) -> Bool {
        index(of: id, in: ids) != nil
    }

    /// The position of `id` in `ids` (binary search).
    static func index(of id: Int64, in ids: [Int64]) -> Int? {
        ids.withUnsafeBufferPointer { buffer in
            var low = 0
            var high = buffer.count
            while low < high {
                let middle = (low + high) >> 1
                let value = buffer[middle]
                if value == id { return middle }
                if value < id { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// Decodes a closure BLOB (sorted little-endian Int64s, as written by the importer).
    static func decode(_ data: Data) -> [Int64] {
        data.withUnsafeBytes { buffer in
            (0..<(buffer.count / 8)).map { Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self)) }
        }
    }
}

/// A set of ids that may be "everything" without materialising it (`*` as an attribute name or value).
enum IDSet {
    case all
    case ids([Int64])

    func contains(_ id: Int64) -> Bool {
        switch self {
        case .all: true
        case .ids(let ids): SortedIDs.contains(ids, id)
        }
    }
}
