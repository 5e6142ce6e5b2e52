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
            try Self.extract(entry, from: archive, displayPath: displayPath) { data in try data.withUnsafeBytes(body) }
        }
    }

    /// Unpacks one zip entry through `consumer` and checks its CRC-32 against the archive's: ZIPFoundation
    /// computes the checksum but leaves the comparison to the caller, and a corrupted download must not
    /// import. The consumer has seen the bytes by then, so callers build into temporary files.
    static func extract(_ entry: Entry, from archive: Archive, displayPath: String, consumer: (Data) throws -> Void) throws {
        var consumerError: (any Error)?
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: false) { data in
                do { try consumer(data) } catch {
                    consumerError = error
                    throw error
                }
            }
        } catch {
            if let consumerError { throw consumerError }
            throw RF2Error(.badZip, file: displayPath, reason: "cannot read zip entry (truncated or corrupt archive): \(error)")
        }
        guard checksum == entry.checksum else {
            throw RF2Error(
                .badZip, file: displayPath,
                reason: "zip entry is corrupt: its CRC-32 is \(hex(checksum)) but the archive records \(hex(entry.checksum)) (damaged or truncated download)")
        }
    }

    private static func hex(_ value: CRC32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
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
