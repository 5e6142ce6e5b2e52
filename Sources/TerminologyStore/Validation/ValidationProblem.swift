import RF2

/// One finding of ``ReleaseValidator``, located precisely enough for a person to open the file and fix it.
///
/// Problems are values (not thrown errors) so that validation can list every problem in a release instead of
/// stopping at the first one.
public struct ValidationProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Whether a problem makes the release invalid (`error`) or only deserves attention (`warning`).
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    public var rule: ValidationRule
    /// The package (folder or zip name) the problem was found in, when it is in one.
    public var package: String?
    /// The file's path inside its package, as ``RF2/RF2File/displayPath`` shows it.
    public var file: String?
    /// 1-based line number; the header is line 1.
    public var line: Int?
    /// The column name as the RF2 specification spells it.
    public var column: String?
    /// The offending value as written (or the ids involved, for problems that span rows).
    public var value: String?
    /// What is wrong, in words.
    public var message: String

    public init(
        _ severity: Severity, _ rule: ValidationRule, package: String? = nil, file: String? = nil, line: Int? = nil,
        column: String? = nil, value: String? = nil, message: String
    ) {
        self.severity = severity
        self.rule = rule
        self.package = package
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.message = message
    }

    /// `error [rule] file:line: column 'c' value 'v': message`: the shape editors and people can follow, with
    /// non-printable input escaped so a crafted file cannot send escape sequences to the terminal.
    public var description: String {
        var location = file ?? package ?? ""
        if let line { location += ":\(line)" }
        var detail = ""
        if let column { detail += "column \(column)" }
        if let value { detail += (detail.isEmpty ? "" : " ") + "value '\(value)'" }
        var parts = ["\(severity.rawValue) [\(rule.rawValue)]"]
        if !location.isEmpty { parts.append(location) }
        if !detail.isEmpty { parts.append(detail) }
        parts.append(message)
        return parts.joined(separator: ": ").escapingNonPrintable
    }
}
