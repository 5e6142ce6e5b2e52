#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams the rows of one RF2 file: tab-separated, CRLF or LF, no quoting, blank lines skipped.
///
/// The header gives the column names; every row must have exactly as many fields. Parsing works on
/// bytes in large chunks, so reading is never the slow part of an import.
public struct RF2RowReader {
    public let file: RF2File

    public init(file: RF2File) {
        self.file = file
    }

    /// Reads the header, hands it to `header`, then calls `row` for each data line. Returns how the lines
    /// ended, so an importer can warn about blank lines and mixed line endings it accepted.
    @discardableResult
    public func read(header: ([String]) throws -> Void, row: (RF2Row) throws -> Void) throws -> RF2LineCounts {
        var state = LineState(file: file.displayPath)
        defer { state.deallocate() }
        var carry: [UInt8] = []
        try file.forEachChunk { chunk in
            guard let chunkBase = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            let count = chunk.count
            var start = 0
            while start < count {
                let remaining = count - start
                if let found = memchr(chunkBase + start, 10, remaining) {
                    let end = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - chunkBase
                    if carry.isEmpty {
                        try state.process(chunkBase + start, end - start, header: header, row: row)
                    } else {
                        carry.append(contentsOf: UnsafeBufferPointer(start: chunkBase + start, count: end - start))
                        try carry.withUnsafeBufferPointer { try state.process($0.baseAddress!, $0.count, header: header, row: row) }
                        carry.removeAll(keepingCapacity: true)
                    }
                    start = end + 1
                } else {
                    carry.append(contentsOf: UnsafeBufferPointer(start: chunkBase + start, count: remaining))
                    start = count
                }
            }
        }
        if !carry.isEmpty {
            try carry.withUnsafeBufferPointer { try state.process($0.baseAddress!, $0.count, header: header, row: row) }
        }
        if state.columns.isEmpty {
            throw RF2Error(.badHeader, file: file.displayPath, line: 1, reason: "file is empty: no header row")
        }
        return state.counts
    }
}

/// How the lines of one RF2 file ended. RF2 asks for CRLF on every line and no blank lines; the reader
/// accepts LF-only and blank lines, and these counts let the caller say so.
public struct RF2LineCounts: Sendable, Equatable {
    public var crlf = 0
    public var lfOnly = 0
    public var blank = 0

    public init(crlf: Int = 0, lfOnly: Int = 0, blank: Int = 0) {
        self.crlf = crlf
        self.lfOnly = lfOnly
        self.blank = blank
    }

    /// Warnings for `file`: blank lines, and a mix of CRLF and LF-only line ends.
    public func warnings(file: String) -> [String] {
        var warnings: [String] = []
        if blank > 0 { warnings.append("\(file): \(blank) blank line\(blank == 1 ? "" : "s") skipped") }
        if crlf > 0, lfOnly > 0 {
            warnings.append("\(file): mixed line endings: \(crlf) lines end with CRLF, \(lfOnly) with LF only (RF2 requires CRLF)")
        }
        return warnings
    }
}

/// Per-file parsing state: line counter, header and reusable field offset storage.
private struct LineState {
    let file: String
    var line = 0
    var columns: [String] = []
    var counts = RF2LineCounts()
    var starts = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    var ends = UnsafeMutablePointer<Int>.allocate(capacity: 1)

    init(file: String) {
        self.file = file
    }

    func deallocate() {
        starts.deallocate()
        ends.deallocate()
    }

    mutating func process(
        _ base: UnsafePointer<UInt8>, _ rawLength: Int, header: ([String]) throws -> Void, row: (RF2Row) throws -> Void
    ) throws {
        line += 1
        var length = rawLength
        if length > 0, base[length - 1] == 13 {
            length -= 1
            counts.crlf += 1
        } else {
            counts.lfOnly += 1
        }
        var begin = 0
        if line == 1, length >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { begin = 3 }
        if length - begin == 0 {
            counts.blank += 1
            return
        }
        if columns.isEmpty {
            var names: [String] = []
            var fieldStart = begin
            for index in begin...length where index == length || base[index] == 9 {
                names.append(String(decoding: UnsafeBufferPointer(start: base + fieldStart, count: index - fieldStart), as: UTF8.self))
                fieldStart = index + 1
            }
            columns = names
            starts.deallocate()
            ends.deallocate()
            starts = .allocate(capacity: names.count)
            ends = .allocate(capacity: names.count)
            try header(names)
            return
        }
        let expected = columns.count
        let field = RF2FieldSplitter.split(
            base, begin: begin, length: length, starts: UnsafeMutableBufferPointer(start: starts, count: expected),
            ends: UnsafeMutableBufferPointer(start: ends, count: expected))
        guard field == expected else {
            throw RF2Error(
                .wrongColumnCount, file: file, line: line,
                reason: "row has \(field) columns, the header has \(expected)")
        }
        try row(RF2Row(base: base, starts: starts, ends: ends, count: expected, line: line, columns: columns, file: file))
    }
}
