import Foundation
import ZIPFoundation

/// One release file found in a package: its parsed name and where its bytes live (a folder or a zip entry).
public struct RF2File: Sendable, Hashable {
    public enum Location: Sendable, Hashable {
        case file(URL)
        case zipEntry(archive: URL, path: String)
    }

    public var name: RF2FileName
    public var location: Location
    /// Path shown in messages: relative to the package folder, or `archive.zip:inner/path`.
    public var displayPath: String
    /// Uncompressed size in bytes.
    public var size: Int

    public var kind: RF2FileKind? { name.kind }

    public init(name: RF2FileName, location: Location, displayPath: String, size: Int) {
        self.name = name
        self.location = location
        self.displayPath = displayPath
        self.size = size
    }

    /// Streams the file's bytes in large chunks, without unpacking the archive to disk.
    public func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        switch location {
        case .file(let url):
            guard let handle = FileHandle(forReadingAtPath: url.path) else {
                throw RF2Error(.unreadable, file: displayPath, reason: "cannot open file")
            }
            defer { try? handle.close() }
            while true {
                let data: Data?
                do { data = try handle.read(upToCount: 1 << 22) } catch {
                    throw RF2Error(.unreadable, file: displayPath, reason: "read failed: \(error)")
                }
                guard let data, !data.isEmpty else { break }
                try data.withUnsafeBytes(body)
            }
        case .zipEntry(let archiveURL, let path):
            let archive: Archive
            do { archive = try Archive(url: archiveURL, accessMode: .read) } catch {
                throw RF2Error(.badZip, file: archiveURL.lastPathComponent, reason: "cannot open zip archive: \(error)")
            }
            guard let entry = archive[path] else {
                throw RF2Error(.badZip, file: displayPath, reason: "entry missing from zip archive")
            }
            var bodyError: (any Error)?
            do {
                _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: false) { data in
                    do { try data.withUnsafeBytes(body) } catch {
                        bodyError = error
                        throw error
                    }
                }
            } catch {
                if let bodyError { throw bodyError }
                throw RF2Error(.badZip, file: displayPath, reason: "cannot read zip entry (truncated or corrupt archive): \(error)")
            }
        }
    }
}

extension RF2File.Location: CustomStringConvertible {
    public var description: String {
        switch self {
        case .file(let url): url.path
        case .zipEntry(let archive, let path): "\(archive.path):\(path)"
        }
    }
}
