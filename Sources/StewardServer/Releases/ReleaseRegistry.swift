import Foundation
import HTTPTypes
import Logging
import TerminologyStore

/// The releases the server answers from. Picks up releases imported by another process (`steward
/// import` renames a finished store into `releases/`) by re-listing the directory when its modification
/// time changes, checked at most once per refresh interval.
public final class ReleaseRegistry: @unchecked Sendable {
    public let catalog: ReleaseCatalog
    private let readers: Int
    private let refreshInterval: Duration
    private let logger: Logger
    private let lock = NSLock()
    private var handles: [ReleaseHandle] = []
    private var currentGeneration = 0
    private var unreadable: [String] = []
    private var directoryStamp: Date?
    private var lastCheck: ContinuousClock.Instant?

    public init(dataDirectory: URL, readers: Int = 2, refreshInterval: Duration = .seconds(1), logger: Logger) {
        catalog = ReleaseCatalog(dataDirectory: dataDirectory)
        self.readers = readers
        self.refreshInterval = refreshInterval
        self.logger = logger
    }

    /// Every open release, oldest first.
    public func all() throws -> [ReleaseHandle] {
        try refreshIfDue()
        lock.lock()
        defer { lock.unlock() }
        return handles
    }

    /// The release `reference` names, by the rules of ``ReleaseReference`` (newest when nil or empty).
    public func release(_ reference: String?) throws -> ReleaseHandle {
        do {
            return try ReleaseReference(reference).resolve(in: try all(), info: \.info)
        } catch let error as StoreError where error.code == .noReleases {
            throw StoreError(.noReleases, "no releases imported in \(catalog.dataDirectory.path): run 'steward import PATH' first")
        }
    }

    /// Changes whenever the set of served releases changes; part of every response-cache key. May open
    /// newly imported stores, so it blocks: see ``generationIfFresh``.
    public func generation() throws -> Int {
        try refreshIfDue()
        lock.lock()
        defer { lock.unlock() }
        return currentGeneration
    }

    /// The generation without touching the disk, or nil when a refresh is due (then call ``generation()``
    /// off the request threads). Lets a response-cache hit answer without leaving the request thread.
    public var generationIfFresh: Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let lastCheck, ContinuousClock.now - lastCheck < refreshInterval else { return nil }
        return currentGeneration
    }

    /// Re-lists the releases directory now (used at start-up and after the server imports samples).
    public func reload() throws {
        lock.lock()
        defer { lock.unlock() }
        try reloadLocked(stamp: Self.modificationDate(catalog.releasesDirectory))
    }

    private func refreshIfDue() throws {
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        if let lastCheck, now - lastCheck < refreshInterval { return }
        lastCheck = now
        let stamp = Self.modificationDate(catalog.releasesDirectory)
        if stamp != directoryStamp || handles.isEmpty && stamp != nil {
            try reloadLocked(stamp: stamp)
        }
    }

    /// Opens every store in the directory. A file that cannot be read as a release store (foreign, damaged,
    /// or from an older schema) is skipped and reported (log and `/ready`) rather than taking every release
    /// down with it.
    private func reloadLocked(stamp: Date?) throws {
        let directory = catalog.releasesDirectory
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".sqlite") && !$0.hasPrefix(".") }
        var kept: [ReleaseHandle] = []
        var problems: [String] = []
        for file in files {
            let path = directory.appendingPathComponent(file).path
            // A store is replaced only by renaming a new file over it, which changes its modification time.
            let stamp = Self.modificationDate(URL(fileURLWithPath: path))
            if let existing = handles.first(where: { $0.info.path == path && $0.fileStamp == stamp }) {
                kept.append(existing)
                continue
            }
            do {
                let handle = try ReleaseHandle(path: path, readers: readers, fileStamp: stamp)
                try handle.warm()
                logger.info("serving release", metadata: ["release": .string(handle.info.name), "version": .string(handle.info.versionURI)])
                kept.append(handle)
            } catch {
                problems.append("\(file): \(error)")
                logger.error("skipping a release store that cannot be read", metadata: ["file": .string(path), "error": .string("\(error)")])
            }
        }
        kept.sort { ($0.info.effectiveTime, $0.info.importedAt, $0.info.name) < ($1.info.effectiveTime, $1.info.importedAt, $1.info.name) }
        if kept.map(\.etag) != handles.map(\.etag) { currentGeneration += 1 }
        handles = kept
        unreadable = problems
        directoryStamp = stamp
        lastCheck = ContinuousClock.now
    }

    /// Store files in the releases directory that could not be opened, with the reason.
    public var unreadableStores: [String] {
        lock.lock()
        defer { lock.unlock() }
        return unreadable
    }

    private static func modificationDate(_ url: URL) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }
}
