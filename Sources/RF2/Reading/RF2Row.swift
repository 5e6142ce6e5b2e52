/// One data line of an RF2 file, as byte ranges into the reader's buffer.
///
/// Values are parsed straight from bytes; a `String` is made only when a text column is asked for. A row is
/// valid only inside the reader's callback.
public struct RF2Row {
    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let starts: UnsafeMutablePointer<Int>
    @usableFromInline let ends: UnsafeMutablePointer<Int>
    /// Number of fields (equals the header's column count).
    public let count: Int
    /// 1-based line number in the file.
    public let line: Int
    /// Header column names, for error messages.
    public let columns: [String]
    /// The file's display path, for error messages.
    public let file: String

    init(
        base: UnsafePointer<UInt8>, starts: UnsafeMutablePointer<Int>, ends: UnsafeMutablePointer<Int>, count: Int, line: Int,
        columns: [String], file: String
    ) {
        self.base = base
        self.starts = starts
        self.ends = ends
        self.count = count
        self.line = line
        self.columns = columns
        self.file = file
    }

    /// The raw bytes of field `index`.
    @inlinable
    public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + starts[index], count: ends[index] - starts[index])
    }

    /// The field as written, decoded leniently: for error messages only.
    public func raw(_ index: Int) -> String {
        String(decoding: bytes(index), as: UTF8.self)
    }

    /// An error at this row, naming the column and its value.
    public func error(_ code: RF2Error.Code, _ index: Int, _ reason: String) -> RF2Error {
        RF2Error(code, file: file, line: line, column: columns[index], value: raw(index), reason: reason)
    }

    /// A non-negative decimal integer of up to 18 digits, or nil when the field is not one.
    @inlinable
    func digits(_ index: Int) -> Int64? {
        Self.decimal(bytes(index))
    }

    /// Parses a non-negative decimal of up to 18 digits straight from bytes; nil when it is not one.
    @inlinable
    public static func decimal(_ field: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !field.isEmpty, field.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in field {
            let digit = byte &- 48
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
        }
        return value
    }

    /// An SCTID, checked for form, partition (when `kind` is given) and Verhoeff check digit.
    @inlinable
    public func sctid(_ index: Int, kind: SCTID.ComponentKind? = nil) throws(RF2Error) -> Int64 {
        let field = bytes(index)
        guard let value = digits(index), field.count >= 6, field[0] != 48 else {
            throw error(.badIdentifier, index, "not an SCTID (6 to 18 digits, no leading zero)")
        }
        guard let partition = SCTID.partition(of: value) else {
            throw error(.badPartition, index, "partition '\(value / 10 % 100)' is reserved")
        }
        if let kind, partition.componentKind != kind {
            throw error(.badPartition, index, "partition \(value / 10 % 100) names a \(partition.componentKind.rawValue), expected a \(kind.rawValue)")
        }
        guard Verhoeff.isValid(UInt64(value)) else {
            throw error(.badCheckDigit, index, "Verhoeff check digit is wrong")
        }
        return value
    }

    /// A signed 32-bit integer.
    @inlinable
    public func int(_ index: Int) throws(RF2Error) -> Int64 {
        let field = bytes(index)
        var negative = false
        var digitsStart = 0
        if let first = field.first, first == 45 {
            negative = true
            digitsStart = 1
        }
        guard field.count > digitsStart, field.count - digitsStart <= 10 else {
            throw error(.badInteger, index, "not an integer")
        }
        var value: Int64 = 0
        for byte in field[digitsStart...] {
            let digit = byte &- 48
            guard digit < 10 else { throw error(.badInteger, index, "not an integer") }
            value = value * 10 + Int64(digit)
        }
        if negative { value = -value }
        guard value >= Int64(Int32.min), value <= Int64(Int32.max) else {
            throw error(.badInteger, index, "outside the 32-bit integer range")
        }
        return value
    }

    /// `1` or `0`.
    @inlinable
    public func bool(_ index: Int) throws(RF2Error) -> Bool {
        let field = bytes(index)
        guard field.count == 1, field[0] == 48 || field[0] == 49 else {
            throw error(.badBoolean, index, "expected 1 or 0")
        }
        return field[0] == 49
    }

    /// A `YYYYMMDD` date (as the integer YYYYMMDD), checked to be a real calendar date.
    @inlinable
    public func date(_ index: Int) throws(RF2Error) -> Int {
        guard bytes(index).count == 8, let value = digits(index), RF2Date.isValid(Int(value)) else {
            throw error(.badDate, index, "not a valid YYYYMMDD date")
        }
        return Int(value)
    }

    /// An effectiveTime that may be left empty: nil when the field is empty, else a checked `YYYYMMDD` date.
    /// Subset-extraction and authoring tools write content that is not yet published with an empty
    /// effectiveTime; the caller decides which date such a row takes. Anything else that is not a date
    /// (`2025-08-14`, `abc`) is still an error.
    @inlinable
    public func optionalDate(_ index: Int) throws(RF2Error) -> Int? {
        guard starts[index] < ends[index] else { return nil }
        return try date(index)
    }

    /// A canonical hyphenated UUID.
    @inlinable
    public func uuid(_ index: Int) throws(RF2Error) -> RF2UUID {
        guard let value = RF2UUID(bytes: bytes(index)) else {
            throw error(.badUUID, index, "not a UUID (8-4-4-4-12 hexadecimal digits)")
        }
        return value
    }

    /// A UTF-8 string (may be empty); invalid UTF-8 and control characters are errors, never silently repaired.
    public func string(_ index: Int) throws(RF2Error) -> String {
        try checkText(index)
        return String(decoding: bytes(index), as: UTF8.self)
    }

    /// Throws unless field `index` is valid UTF-8 without control characters (fast for ASCII).
    @inlinable
    public func checkText(_ index: Int) throws(RF2Error) {
        let field = bytes(index)
        if let offset = RF2Text.firstControlByte(in: field) {
            throw error(.badText, index, RF2Text.controlReason(field, at: offset))
        }
        guard isValidUTF8(index) else { throw error(.badText, index, "not valid UTF-8") }
    }

    /// A non-empty UTF-8 string.
    public func nonEmptyString(_ index: Int) throws(RF2Error) -> String {
        guard starts[index] < ends[index] else { throw error(.emptyValue, index, "must not be empty") }
        return try string(index)
    }

    /// Whether field `index` holds valid UTF-8 (fast for ASCII).
    @inlinable
    public func isValidUTF8(_ index: Int) -> Bool {
        let field = bytes(index)
        for byte in field where byte >= 0x80 {
            return String(validating: field, as: UTF8.self) != nil
        }
        return true
    }
}
