import Foundation

/// Writes one RF2 file: a header row then data rows, TAB-separated, CRLF after every line, UTF-8.
///
/// Rows are encoded straight into a byte buffer that is flushed in multi-megabyte chunks, so writing
/// millions of rows costs no per-row `String` and no Foundation formatting. Build a row field by field
/// (`field(_:)` overloads) and finish it with `endRow()`, or pass a whole row to `write(_:)`.
/// Every row must have exactly as many fields as the header; a mismatch is a programming error.
public final class RF2Writer {
    /// Bytes buffered before a write to the file.
    public static let defaultChunkSize = 4 << 20

    /// The file being written.
    public let url: URL
    /// Header column names, in order.
    public let columns: [String]
    /// Data rows written so far (the header is not counted).
    public private(set) var rowCount = 0

    private let handle: FileHandle
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var used = 0
    private var fieldsInRow = 0
    private var closed = false

    /// Creates (or truncates) the file at `url` and writes the header row.
    public init(url: URL, columns: [String], chunkSize: Int = RF2Writer.defaultChunkSize) throws {
        precondition(!columns.isEmpty, "an RF2 file needs at least one column")
        self.url = url
        self.columns = columns
        self.capacity = max(chunkSize, 64 << 10)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        self.handle = try FileHandle(forWritingTo: url)
        self.buffer = .allocate(capacity: capacity)
        for column in columns { field(column) }
        finishLine()
    }

    deinit {
        if !closed { try? close() }
        buffer.deallocate()
    }

    // MARK: Fields

    /// Appends a decimal integer field (SCTIDs, effective times, booleans, groups ...).
    @inline(__always)
    public func field(_ value: Int64) {
        separator()
        reserve(20)
        var v = value
        if v < 0 {
            buffer[used] = UInt8(ascii: "-")
            used += 1
            if v == .min {
                appendASCII("9223372036854775808")
                return
            }
            v = -v
        }
        var digits = 1
        var probe = v
        while probe >= 10 { probe /= 10; digits += 1 }
        var position = used + digits - 1
        repeat {
            buffer[position] = UInt8(truncatingIfNeeded: v % 10) &+ 48
            v /= 10
            position -= 1
        } while v > 0
        used += digits
    }

    /// Appends an integer field.
    @inline(__always)
    public func field(_ value: Int) { field(Int64(value)) }

    /// Appends a `1`/`0` field.
    @inline(__always)
    public func field(_ value: Bool) {
        separator()
        reserve(1)
        buffer[used] = value ? 49 : 48
        used += 1
    }

    /// Appends a text field. The text must not contain TAB, CR or LF (RF2 has no escaping).
    public func field(_ value: String) {
        separator()
        var value = value
        value.withUTF8 { appendBytes($0) }
    }

    /// Appends a field from raw UTF-8 bytes (no TAB, CR or LF).
    @inline(__always)
    public func field(bytes: UnsafeBufferPointer<UInt8>) {
        separator()
        appendBytes(bytes)
    }

    /// Appends a field from raw UTF-8 bytes (no TAB, CR or LF).
    public func field(bytes: ArraySlice<UInt8>) {
        separator()
        bytes.withUnsafeBufferPointer { appendBytes($0) }
    }

    /// Appends a UUID field in canonical lower-case 8-4-4-4-12 form.
    @inline(__always)
    public func uuidField(high: UInt64, low: UInt64) {
        separator()
        reserve(36)
        let hex: StaticString = "0123456789abcdef"
        hex.withUTF8Buffer { digits in
            var p = used
            for i in 0..<16 {
                if i == 8 || i == 12 { buffer[p] = 45; p += 1 }
                buffer[p] = digits[Int((high >> UInt64(60 - 4 * i)) & 0xF)]
                p += 1
            }
            for i in 0..<16 {
                if i == 0 || i == 4 { buffer[p] = 45; p += 1 }
                buffer[p] = digits[Int((low >> UInt64(60 - 4 * i)) & 0xF)]
                p += 1
            }
            used = p
        }
    }

    /// Ends the current row with CRLF.
    @inline(__always)
    public func endRow() {
        precondition(fieldsInRow == columns.count, "RF2 row has \(fieldsInRow) fields, header has \(columns.count)")
        finishLine()
        rowCount += 1
    }

    /// Writes a whole row of text fields. Convenient for small files; use the `field` overloads for bulk.
    public func write(_ fields: [String]) {
        for value in fields { field(value) }
        endRow()
    }

    /// Writes a whole row of integer fields.
    public func write(_ fields: [Int64]) {
        for value in fields { field(value) }
        endRow()
    }

    /// Flushes buffered bytes and closes the file. Further writes are a programming error.
    public func close() throws {
        guard !closed else { return }
        precondition(fieldsInRow == 0, "close() in the middle of a row")
        closed = true
        try flush()
        try handle.close()
    }

    // MARK: Internals

    @inline(__always)
    private func separator() {
        if fieldsInRow > 0 {
            reserve(1)
            buffer[used] = 9
            used += 1
        }
        fieldsInRow += 1
    }

    @inline(__always)
    private func finishLine() {
        reserve(2)
        buffer[used] = 13
        buffer[used + 1] = 10
        used += 2
        fieldsInRow = 0
        if used >= capacity - 4096 { try? flushOrTrap() }
    }

    @inline(__always)
    private func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if bytes.count > capacity - used {
            try? flushOrTrap()
            if bytes.count > capacity {
                do { try handle.write(contentsOf: Data(bytes)) } catch { pendingError = error }
                return
            }
        }
        (buffer + used).update(from: base, count: bytes.count)
        used += bytes.count
    }

    private func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { appendBytes($0) }
    }

    @inline(__always)
    private func reserve(_ count: Int) {
        if used + count > capacity { try? flushOrTrap() }
    }

    private var pendingError: (any Error)?

    /// Flushes from a non-throwing path; a failure is kept and rethrown by `close()`.
    private func flushOrTrap() throws {
        do { try flush() } catch { pendingError = error; used = 0; throw error }
    }

    private func flush() throws {
        if let pendingError { used = 0; throw pendingError }
        guard used > 0 else { return }
        try handle.write(contentsOf: Data(bytesNoCopy: buffer, count: used, deallocator: .none))
        used = 0
    }
}
