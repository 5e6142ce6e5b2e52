import Foundation
import HTTPTypes
import NIOCore

/// Answers for release data, kept in memory. Release stores never change, so an answer is fully determined
/// by the set of releases being served, the URL and the negotiation headers; the set's generation is part of
/// the key, so importing a release makes every older entry unreachable. Bounded by total body bytes;
/// the oldest entries go first.
final class ResponseCache: @unchecked Sendable {
    struct Entry: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
    }

    let capacityBytes: Int
    /// Bodies larger than this are not kept (large expansions and reports would crowd out many lookups).
    let maximumEntryBytes: Int
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private var orderStart = 0
    private var bytes = 0
    private(set) var hits = 0
    private(set) var misses = 0

    init(capacityBytes: Int, maximumEntryBytes: Int = 256 * 1024) {
        self.capacityBytes = capacityBytes
        self.maximumEntryBytes = maximumEntryBytes
    }

    var isEnabled: Bool { capacityBytes > 0 }

    func get(_ key: String) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        if let entry = entries[key] {
            hits += 1
            return entry
        }
        misses += 1
        return nil
    }

    func put(_ key: String, _ entry: Entry) {
        let size = entry.body.readableBytes + key.utf8.count
        guard isEnabled, size <= maximumEntryBytes else { return }
        lock.lock()
        defer { lock.unlock() }
        guard entries[key] == nil else { return }
        entries[key] = entry
        order.append(key)
        bytes += size
        while bytes > capacityBytes, orderStart < order.count {
            let oldest = order[orderStart]
            orderStart += 1
            if let removed = entries.removeValue(forKey: oldest) {
                bytes -= removed.body.readableBytes + oldest.utf8.count
            }
        }
        if orderStart > 4096, orderStart * 2 > order.count {
            order.removeFirst(orderStart)
            orderStart = 0
        }
    }

    var statistics: (entries: Int, bytes: Int, hits: Int, misses: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (entries.count, bytes, hits, misses)
    }
}

/// Hands the body a handler produced to the cache middleware: `JSONResponse` writes into the box of the
/// current request when there is one.
enum ResponseCapture {
    final class Box: @unchecked Sendable {
        var body: ByteBuffer?
        /// Set by code that answers from the workspace (e.g. a local refset reached through a SNOMED
        /// value-set URL), so the answer is not kept.
        var readsWorkspace = false
    }

    /// Marks the current answer as depending on workspace data.
    static func markWorkspaceRead() {
        current?.readsWorkspace = true
    }

    @TaskLocal static var current: Box?
}
