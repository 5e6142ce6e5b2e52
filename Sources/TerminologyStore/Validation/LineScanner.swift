#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import RF2

/// Streams the raw lines of an RF2 file, keeping going whatever a line contains.
///
/// ``RF2/RF2RowReader`` stops at the first malformed row, which is right for an import; a validator needs
/// to report every malformed row, so it scans lines itself and leaves all judgement to the caller.
struct LineScanner {
    let file: RF2File

    /// Calls `body` with each line without its LF (a CR, if any, is still there), its 1-based number and
    /// whether an LF terminated it (false only for a last line without a line break).
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int, Bool) throws -> Void) throws {
        var carry: [UInt8] = []
        var number = 0
        try file.forEachChunk { chunk in
            guard let chunkBase = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            let count = chunk.count
            var start = 0
            while start < count {
                if let found = memchr(chunkBase + start, 10, count - start) {
                    let end = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - chunkBase
                    number += 1
                    if carry.isEmpty {
                        try body(UnsafeBufferPointer(start: chunkBase + start, count: end - start), number, true)
                    } else {
                        carry.append(contentsOf: UnsafeBufferPointer(start: chunkBase + start, count: end - start))
                        try carry.withUnsafeBufferPointer { try body($0, number, true) }
                        carry.removeAll(keepingCapacity: true)
                    }
                    start = end + 1
                } else {
                    carry.append(contentsOf: UnsafeBufferPointer(start: chunkBase + start, count: count - start))
                    start = count
                }
            }
        }
        if !carry.isEmpty {
            number += 1
            try carry.withUnsafeBufferPointer { try body($0, number, false) }
        }
    }
}
