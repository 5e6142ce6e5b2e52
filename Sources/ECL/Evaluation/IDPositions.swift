/// Positions of sorted ids, found by hashing: the membership test applied to every row of an index pass
/// (hundreds of thousands of relationships against 100k+ candidates).
///
/// A binary search over 100k+ ids misses the CPU cache on most of its 17 probes; it took a fifth of a
/// refinement's time. Open addressing with linear probing over a power-of-two table needs one or two probes.
struct IDPositions {
    private var keys: [Int64]
    private var positions: [Int32]
    private let mask: Int

    /// Marks an empty slot: concept ids are positive.
    private static let empty = Int64.min

    init(_ ids: [Int64]) {
        var capacity = 16
        while capacity < ids.count * 2 { capacity <<= 1 }
        keys = [Int64](repeating: Self.empty, count: capacity)
        positions = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        for (position, id) in ids.enumerated() {
            var slot = Self.slot(of: id, mask: mask)
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = id
            positions[slot] = Int32(position)
        }
    }

    /// The position of `id` in the ids given at creation, nil when absent.
    func position(of id: Int64) -> Int? {
        keys.withUnsafeBufferPointer { keys in
            var slot = Self.slot(of: id, mask: mask)
            while true {
                let key = keys[slot]
                if key == id { return Int(positions[slot]) }
                if key == Self.empty { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    func contains(_ id: Int64) -> Bool {
        position(of: id) != nil
    }

    /// Fibonacci hashing: SNOMED ids share their low digits' structure (partition, check digit), so the
    /// multiplication spreads them before the high bits are taken.
    private static func slot(of id: Int64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: id) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
