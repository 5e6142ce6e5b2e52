import ConceptSearch
import ECL
import Foundation
import TerminologyStore

/// One imported release as the server holds it open: a few read connections ("lanes") so concurrent
/// requests do not queue behind one SQLite connection, each with its own search engine.
public final class ReleaseHandle: Sendable {
    /// One connection with the engines bound to it.
    public struct Lane: Sendable {
        public let store: ReleaseStore
        public let searcher: ConceptSearcher
        public var ecl: ECLEngine { ECLEngine(store: store) }
    }

    public let info: ReleaseInfo
    /// Release stores never change once imported, so the name and import time identify their content.
    public let etag: String
    /// The store file's modification time when it was opened: a different one means a new file.
    let fileStamp: Date?
    private let lanes: [Lane]

    init(path: String, laneCount: Int, fileStamp: Date?) throws {
        self.fileStamp = fileStamp
        var lanes: [Lane] = []
        for _ in 0..<max(1, laneCount) {
            let store = try ReleaseStore(path: path, cacheKilobytes: 32 * 1024)
            lanes.append(Lane(store: store, searcher: try ConceptSearcher(store: store)))
        }
        self.lanes = lanes
        info = lanes[0].store.info
        etag = "\"\(info.name)-\(Self.hash(info.importedAt + info.versionURI))\""
    }

    /// The lane of the calling thread. Each thread keeps one lane (assigned in turn on first use), so the
    /// handful of threads that run handlers never queue behind each other on one connection while another
    /// connection sits idle.
    public var lane: Lane { lanes[ThreadLane.index % lanes.count] }

    /// The first lane's store, for metadata-only reads.
    public var store: ReleaseStore { lanes[0].store }

    /// Loads the search vocabulary now so the first typo-tolerant query is not slow, and asks the kernel to
    /// read the store file into its page cache in the background (`POSIX_FADV_WILLNEED`), so the first
    /// minutes after a start do not wait on the disk. The page cache is the kernel's, not this process's
    /// memory.
    func warm() throws {
        for lane in lanes { try lane.searcher.prepare() }
        #if os(Linux)
            let descriptor = open(info.path, O_RDONLY)
            if descriptor >= 0 {
                _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
                close(descriptor)
            }
        #endif
    }

    private static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(value, radix: 16)
    }
}

/// A small number per thread, handed out in turn, stored in thread-local storage.
enum ThreadLane {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
    private static let counter = Counter()

    static var index: Int {
        if let stored = pthread_getspecific(key) {
            return Int(bitPattern: stored) - 1
        }
        let assigned = counter.next()
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: assigned + 1))
        return assigned
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            defer { value += 1 }
            return value
        }
    }
}
