/// A problem in release input, located precisely enough for a person to open the file and fix it.
public struct RF2Error: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        case unreadable
        case notAPackage
        case badZip
        case unknownFile
        case badHeader
        case wrongColumnCount
        case badIdentifier
        case badCheckDigit
        case badPartition
        case badUUID
        case badDate
        case badBoolean
        case badInteger
        case badText
        case emptyValue
        case duplicateId
    }

    public var code: Code
    /// The file (path inside the package or zip), when the problem is in one.
    public var file: String?
    /// 1-based line number; the header is line 1.
    public var line: Int?
    /// The column name from the header.
    public var column: String?
    /// The offending value as written.
    public var value: String?
    /// What is wrong, in words.
    public var reason: String

    public init(_ code: Code, file: String? = nil, line: Int? = nil, column: String? = nil, value: String? = nil, reason: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
    }

    /// `file:line: column 'x' value 'y': reason` — the shape editors and people can follow, with non-printable
    /// input escaped so a crafted package cannot send escape sequences to the operator's terminal.
    public var description: String {
        var location = ""
        if let file { location += file }
        if let line { location += ":\(line)" }
        var detail = ""
        if let column { detail += "column \(column)" }
        if let value { detail += (detail.isEmpty ? "" : " ") + "value '\(value)'" }
        var parts: [String] = []
        if !location.isEmpty { parts.append(location) }
        if !detail.isEmpty { parts.append(detail) }
        parts.append(reason)
        return parts.joined(separator: ": ").escapingNonPrintable
    }
}
