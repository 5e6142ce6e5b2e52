import Foundation
import GRDB
import GRDBSQLite
import RF2
import TerminologyStore

/// A row reduced to its key and a 64-bit hash of every compared value, so that two releases' tables can be
/// compared with one sequential scan each and one integer comparison per row (PERFORMANCE.md, "Diff").
/// `rowid` finds the full row again for the few rows that differ.
struct Fingerprint: Sendable, Comparable {
    var key1: UInt64
    var key2: UInt64
    var hash: UInt64
    var rowid: Int64

    static func < (lhs: Fingerprint, rhs: Fingerprint) -> Bool {
        lhs.key1 != rhs.key1 ? lhs.key1 < rhs.key1 : lhs.key2 < rhs.key2
    }

    func sameKey(_ other: Fingerprint) -> Bool { key1 == other.key1 && key2 == other.key2 }
}

/// How the leading result columns of a fingerprint scan form the key.
enum FingerprintKey: Sendable {
    /// Column 0 is an SCTID primary key (rows come in key order).
    case id
    /// Column 0 is the rowid, column 1 the 16-byte member UUID.
    case uuid
    /// Columns 0–2 are concept id, refset id and description type (the `concept_term` table).
    case conceptTerm

    var keyColumns: Int32 {
        switch self {
        case .id: 1
        case .uuid: 2
        case .conceptTerm: 3
        }
    }
}

/// Members and active members per refset, counted during the member scan.
struct RefsetTally: Sendable {
    var total = 0
    var active = 0

    mutating func add(_ other: RefsetTally) {
        total += other.total
        active += other.active
    }
}

enum FingerprintScan {
    /// Runs `sql` and returns one fingerprint per row, sorted by key.
    static func run(_ store: ReleaseStore, sql: String, key: FingerprintKey) throws -> [Fingerprint] {
        try runCounting(store, sql: sql, key: key).fingerprints
    }

    /// Like ``run(_:sql:key:)``; for `.uuid` scans (`rowid, uuid, effective_time, active, module_id, refset_id, ...`)
    /// also counts members per refset.
    static func runCounting(_ store: ReleaseStore, sql: String, key: FingerprintKey) throws -> (fingerprints: [Fingerprint], tally: [Int64: RefsetTally]) {
        try store.read { db in
            let statement = try db.makeStatement(sql: sql)
            let handle = statement.sqliteStatement
            let columns = sqlite3_column_count(handle)
            var result: [Fingerprint] = []
            var tally: [Int64: RefsetTally] = [:]
            var lastRefset: Int64 = -1
            var current = RefsetTally()
            result.reserveCapacity(1 << 16)
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DiffError("reading \(store.info.name) for the diff: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
                }
                var hash: UInt64 = 0x243F_6A88_85A3_08D3
                for column in key.keyColumns..<columns { mix(&hash, column: column, of: handle) }
                switch key {
                case .id:
                    let id = sqlite3_column_int64(handle, 0)
                    result.append(Fingerprint(key1: UInt64(bitPattern: id), key2: 0, hash: hash, rowid: id))
                case .uuid:
                    let rowid = sqlite3_column_int64(handle, 0)
                    var high: UInt64 = 0
                    var low: UInt64 = 0
                    if sqlite3_column_bytes(handle, 1) == 16, let bytes = sqlite3_column_blob(handle, 1) {
                        high = UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self))
                        low = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                    }
                    result.append(Fingerprint(key1: high, key2: low, hash: hash, rowid: rowid))
                    let refset = sqlite3_column_int64(handle, 5)
                    if refset != lastRefset {
                        if lastRefset >= 0 { tally[lastRefset, default: RefsetTally()].add(current) }
                        lastRefset = refset
                        current = RefsetTally()
                    }
                    current.total += 1
                    current.active += Int(sqlite3_column_int64(handle, 3))
                case .conceptTerm:
                    let concept = UInt64(bitPattern: sqlite3_column_int64(handle, 0))
                    let refset = UInt64(bitPattern: sqlite3_column_int64(handle, 1))
                    let isFSN: UInt64 = sqlite3_column_int64(handle, 2) == WellKnown.fullySpecifiedName ? 1 : 0
                    result.append(Fingerprint(key1: concept << 1 | isFSN, key2: refset, hash: hash, rowid: 0))
                }
            }
            if lastRefset >= 0 { tally[lastRefset, default: RefsetTally()].add(current) }
            if key != .id { result.sort() }
            return (result, tally)
        }
    }

    @inline(__always)
    private static func combine(_ hash: inout UInt64, _ value: UInt64) {
        hash = (hash ^ value) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
    }

    @inline(__always)
    private static func mix(_ hash: inout UInt64, column: Int32, of handle: OpaquePointer?) {
        let type = sqlite3_column_type(handle, column)
        combine(&hash, UInt64(type))
        switch type {
        case SQLITE_INTEGER:
            combine(&hash, UInt64(bitPattern: sqlite3_column_int64(handle, column)))
        case SQLITE_FLOAT:
            combine(&hash, sqlite3_column_double(handle, column).bitPattern)
        case SQLITE_NULL:
            break
        default:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return }
            var offset = 0
            while offset + 8 <= count {
                combine(&hash, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var tail: UInt64 = 0
            while offset < count {
                tail = tail << 8 | UInt64(bytes.load(fromByteOffset: offset, as: UInt8.self))
                offset += 1
            }
            combine(&hash, tail ^ UInt64(count) << 56)
        }
    }
}

/// Keys present on one side only, and keys present on both sides with different values.
struct KeyedComparison: Sendable {
    var onlyFrom: [Fingerprint] = []
    var onlyTo: [Fingerprint] = []
    var differing: [(from: Fingerprint, to: Fingerprint)] = []

    /// Walks two key-sorted fingerprint lists once.
    init(from: [Fingerprint], to: [Fingerprint]) {
        var i = 0
        var j = 0
        while i < from.count && j < to.count {
            let a = from[i]
            let b = to[j]
            if a.sameKey(b) {
                if a.hash != b.hash { differing.append((a, b)) }
                i += 1
                j += 1
            } else if a < b {
                onlyFrom.append(a)
                i += 1
            } else {
                onlyTo.append(b)
                j += 1
            }
        }
        onlyFrom.append(contentsOf: from[i...])
        onlyTo.append(contentsOf: to[j...])
    }
}
