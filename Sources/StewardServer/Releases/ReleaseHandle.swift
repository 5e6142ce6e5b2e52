import ConceptSearch
import ECL
import Foundation
import TerminologyStore

/// One imported release as the server holds it open: its store (a pool of read connections, so concurrent
/// requests do not queue behind one SQLite connection) and the search engine bound to it.
public final class ReleaseHandle: Sendable {
    /// What a route reads a release with, inside `StoreAccess.run`.
    public struct Engines: Sendable {
        public let store: ReleaseStore
        public let searcher: ConceptSearcher
        public var ecl: ECLEngine { ECLEngine(store: store) }
    }

    public let info: ReleaseInfo
    /// Release stores never change once imported, so the name and import time identify their content.
    public let etag: String
    /// The store file's modification time when it was opened: a different one means a new file.
    let fileStamp: Date?
    /// The engines. Their reads block, so a route uses them inside `StoreAccess.run` (a read from anywhere
    /// else in a request fails in debug builds).
    public let engines: Engines

    init(path: String, readers: Int, fileStamp: Date?) throws {
        self.fileStamp = fileStamp
        let store = try ReleaseStore(path: path, readers: readers, cacheKilobytes: 32 * 1024)
        engines = Engines(store: store, searcher: try ConceptSearcher(store: store))
        info = store.info
        etag = "\"\(info.name)-\(Self.hash(info.importedAt + info.versionURI))\""
    }

    /// Loads the search vocabulary now so the first typo-tolerant query is not slow, and asks the kernel to
    /// read the store file into its page cache in the background (`POSIX_FADV_WILLNEED`), so the first
    /// minutes after a start do not wait on the disk. The page cache is the kernel's, not this process's
    /// memory.
    func warm() throws {
        try engines.searcher.prepare()
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
