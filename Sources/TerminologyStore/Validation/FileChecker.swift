import RF2

/// Checks one RF2 file line by line (header, column count, line endings, every value) and hands the parsed
/// rows on for staging.
///
/// It never stops at a bad row: each problem is recorded and the scan moves on, so one pass lists everything
/// structurally wrong with the file.
struct FileChecker {
    /// The type each column must have.
    enum FieldRule: Sendable, Hashable {
        case sctid(SCTID.ComponentKind?)
        case uuid
        case date
        case boolean
        /// Signed 32-bit integer; `nonNegative` for relationship groups.
        case integer(nonNegative: Bool)
        case text(mandatory: Bool)
    }

    /// What the scan learnt besides the problems.
    struct Summary: Sendable {
        var rows = 0
        /// Each module id used in the file, with the first line using it.
        var modules: [Int64: Int] = [:]
        /// Whether the rows were staged (false when the header made them unreadable).
        var staged = false
    }

    /// A block of staged rows, one flat value array per plan.
    struct Batch: Sendable {
        static let capacity = 8192
        var values: [[Int64]]
        var rows = 0

        init(planCount: Int) {
            values = Array(repeating: [], count: planCount)
        }
    }

    let file: RF2File
    let kind: RF2FileKind
    let fileIndex: Int
    let packageIndex: Int
    let packageName: String

    func run(
        problems: inout ProblemCollector, plansFound: ([StagingPlan]) throws -> Void, emit: (Batch) throws -> Void
    ) throws -> Summary {
        var summary = Summary()
        var rules: [FieldRule] = []
        var columns: [String] = []
        var plans: [StagingPlan] = []
        var headerRead = false
        var skip = false
        var starts: [Int] = []
        var ends: [Int] = []
        var values: [Int64] = []
        var uuidLow: Int64 = 0
        var lastValid: [Int64] = []
        var sources: [[Int]] = []
        var constants: [Int64] = []
        let fileValue = Int64(fileIndex)
        var batch = Batch(planCount: 0)
        var withoutCR = 0
        var firstWithoutCR = 0
        var lastModule = ValidationValues.null
        let moduleIndex = kind == .identifier ? 4 : 3
        let display = file.displayPath

        func problem(
            _ severity: ValidationProblem.Severity, _ rule: ValidationRule, line: Int, column: String? = nil, value: String? = nil,
            _ message: @autoclosure () -> String
        ) {
            problems.report(rule, severity) {
                ValidationProblem(severity, rule, package: packageName, file: display, line: line, column: column, value: value, message: message())
            }
        }

        try LineScanner(file: file).forEachLine { line, number, terminated in
            if skip { return }
            guard let base = line.baseAddress, !line.isEmpty else {
                // An empty line (LF only, or nothing at all).
                if terminated {
                    withoutCR += 1
                    if firstWithoutCR == 0 { firstWithoutCR = number }
                }
                problem(.warning, .blankLine, line: number, "blank line")
                return
            }
            var length = line.count
            if base[length - 1] == 13 {
                length -= 1
            } else {
                withoutCR += 1
                if firstWithoutCR == 0 { firstWithoutCR = number }
            }
            var begin = 0
            if number == 1, length >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
                begin = 3
                problem(.warning, .encoding, line: 1, "the file starts with a UTF-8 byte-order mark; RF2 files have none")
            }
            if length == begin {
                problem(.warning, .blankLine, line: number, "blank line")
                return
            }
            if base[length - 1] == 32 {
                problem(.warning, .trailingWhitespace, line: number, "the line ends with a space")
            }

            if !headerRead {
                headerRead = true
                var names: [String] = []
                var fieldStart = begin
                for index in begin...length where index == length || base[index] == 9 {
                    names.append(String(decoding: UnsafeBufferPointer(start: base + fieldStart, count: index - fieldStart), as: UTF8.self))
                    fieldStart = index + 1
                }
                guard let checked = checkHeader(names, line: number, problem: problem) else {
                    skip = true
                    return
                }
                (rules, columns) = checked
                plans = StagingPlan.plans(for: kind, header: names)
                (sources, constants) = Self.encode(plans)
                try plansFound(plans)
                summary.staged = true
                batch = Batch(planCount: plans.count)
                starts = Array(repeating: 0, count: rules.count)
                ends = Array(repeating: 0, count: rules.count)
                values = Array(repeating: 0, count: rules.count)
                lastValid = Array(repeating: ValidationValues.null, count: rules.count)
                return
            }

            // Split into fields, remembering only as many as the header has.
            let expected = rules.count
            let field = starts.withUnsafeMutableBufferPointer { starts in
                ends.withUnsafeMutableBufferPointer { ends in
                    RF2FieldSplitter.split(base, begin: begin, length: length, starts: starts, ends: ends)
                }
            }
            guard field == expected else {
                problem(.error, .columnCount, line: number, value: String(field), "the row has \(field) columns, the header has \(expected)")
                return
            }
            summary.rows += 1

            for column in 0..<expected {
                let bytes = UnsafeBufferPointer(start: base + starts[column], count: ends[column] - starts[column])
                var issues: FieldIssues = []
                values[column] = Self.check(bytes, rules[column], lastValid: &lastValid[column], uuidLow: &uuidLow, issues: &issues)
                if !issues.isEmpty {
                    for (rule, message) in Self.describe(issues, rule: rules[column], value: values[column]) {
                        problem(.error, rule, line: number, column: columns[column], value: String(decoding: bytes, as: UTF8.self), message)
                    }
                }
            }

            let module = values[moduleIndex]
            if module != lastModule, module != ValidationValues.null {
                lastModule = module
                if summary.modules[module] == nil { summary.modules[module] = number }
            }

            // Rows without a usable id cannot take part in cross-file rules.
            guard !plans.isEmpty, values[0] != ValidationValues.null else { return }
            for planIndex in 0..<sources.count {
                let codes = sources[planIndex]
                for code in codes {
                    let value: Int64
                    switch code {
                    case 0...: value = values[code]
                    case Self.fileCode: value = fileValue
                    case Self.lineCode: value = Int64(number)
                    case Self.uuidLowCode: value = uuidLow
                    default: value = constants[Self.constantBase - code]
                    }
                    batch.values[planIndex].append(value)
                }
            }
            batch.rows += 1
            if batch.rows >= Batch.capacity {
                try emit(batch)
                batch = Batch(planCount: plans.count)
            }
        }
        if batch.rows > 0 { try emit(batch) }
        if !headerRead {
            problem(.error, .header, line: 1, "the file is empty: it has no header row")
        }
        if withoutCR > 0 {
            let message =
                withoutCR == 1
                ? "line \(firstWithoutCR) does not end with CRLF"
                : "\(withoutCR) lines do not end with CRLF (the first is line \(firstWithoutCR))"
            problem(.warning, .lineEnding, line: firstWithoutCR, message + "; RF2 requires CRLF on every line, including the last")
        }
        return summary
    }

    /// Checks the header against the file kind; returns each column's rule and name, or nil when the rows cannot
    /// be interpreted (wrong column count).
    private func checkHeader(
        _ names: [String], line: Int,
        problem: (ValidationProblem.Severity, ValidationRule, Int, String?, String?, @autoclosure () -> String) -> Void
    ) -> ([FieldRule], [String])? {
        let fixed = RF2Columns.expected(for: kind)
        var rules: [FieldRule]
        switch kind {
        case .concept:
            rules = [.sctid(.concept), .date, .boolean, .sctid(.concept), .sctid(.concept)]
        case .description, .textDefinition:
            rules = [
                .sctid(.description), .date, .boolean, .sctid(.concept), .sctid(.concept), .text(mandatory: true), .sctid(.concept), .text(mandatory: true),
                .sctid(.concept),
            ]
        case .relationship, .statedRelationship:
            rules = [
                .sctid(.relationship), .date, .boolean, .sctid(.concept), .sctid(.concept), .sctid(.concept), .integer(nonNegative: true), .sctid(.concept),
                .sctid(.concept), .sctid(.concept),
            ]
        case .concreteValues:
            rules = [
                .sctid(.relationship), .date, .boolean, .sctid(.concept), .sctid(.concept), .text(mandatory: true), .integer(nonNegative: true),
                .sctid(.concept), .sctid(.concept), .sctid(.concept),
            ]
        case .identifier:
            rules = [.sctid(.concept), .text(mandatory: true), .date, .boolean, .sctid(.concept), .sctid(nil)]
        case .refset(let pattern):
            rules = [.uuid, .date, .boolean, .sctid(.concept), .sctid(.concept), .sctid(nil)]
            for (offset, letter) in pattern.enumerated() {
                switch letter {
                case "c": rules.append(.sctid(nil))
                case "i": rules.append(.integer(nonNegative: false))
                default:
                    let name = names.count == fixed.count + pattern.count ? names[fixed.count + offset].lowercased() : ""
                    rules.append(name == "sourceeffectivetime" || name == "targeteffectivetime" ? .date : .text(mandatory: false))
                }
            }
        }
        guard names.count == rules.count else {
            var expected = fixed.joined(separator: ", ")
            if case .refset(let pattern) = kind, !pattern.isEmpty {
                expected += " and \(pattern.count) refset field\(pattern.count == 1 ? "" : "s") (pattern '\(pattern)')"
            }
            problem(
                .error, .header, line, nil, String(names.count),
                "the header has \(names.count) columns, expected \(rules.count) (\(expected)); the rows were not checked")
            return nil
        }
        var columns = names
        for (index, name) in fixed.enumerated() where names[index].lowercased() != name.lowercased() {
            problem(.error, .header, line, name, names[index], "expected column '\(name)'")
            columns[index] = name
        }
        return (rules, columns)
    }

    /// What can be wrong with one field.
    struct FieldIssues: OptionSet {
        let rawValue: Int
        static let empty = FieldIssues(rawValue: 1 << 0)
        static let notSCTID = FieldIssues(rawValue: 1 << 1)
        static let wrongPartition = FieldIssues(rawValue: 1 << 2)
        static let reservedPartition = FieldIssues(rawValue: 1 << 3)
        static let checkDigit = FieldIssues(rawValue: 1 << 4)
        static let notDate = FieldIssues(rawValue: 1 << 5)
        static let notBoolean = FieldIssues(rawValue: 1 << 6)
        static let notInteger = FieldIssues(rawValue: 1 << 7)
        static let outOfRange = FieldIssues(rawValue: 1 << 8)
        static let negative = FieldIssues(rawValue: 1 << 9)
        static let notUUID = FieldIssues(rawValue: 1 << 10)
        static let notUTF8 = FieldIssues(rawValue: 1 << 11)
        static let controlCharacter = FieldIssues(rawValue: 1 << 12)
    }

    /// Checks one field; returns its numeric value (SCTID, date, flag, integer, UUID high bits) or
    /// ``ValidationValues/null``, and sets `issues`. Pure and allocation-free: it runs for every field.
    @inline(__always)
    static func check(
        _ bytes: UnsafeBufferPointer<UInt8>, _ rule: FieldRule, lastValid: inout Int64, uuidLow: inout Int64, issues: inout FieldIssues
    ) -> Int64 {
        switch rule {
        case .sctid(let kind):
            guard !bytes.isEmpty else {
                issues.insert(.empty)
                return ValidationValues.null
            }
            guard let value = RF2Row.decimal(bytes), bytes.count >= 6, bytes[0] != 48 else {
                issues.insert(.notSCTID)
                return ValidationValues.null
            }
            // Metadata columns repeat the same few ids on every row: a value seen valid needs no second look.
            if value == lastValid { return value }
            if let partition = SCTID.partition(of: value) {
                if let kind, partition.componentKind != kind { issues.insert(.wrongPartition) }
            } else {
                issues.insert(.reservedPartition)
            }
            if !CheckDigitTable.isValid(value) { issues.insert(.checkDigit) }
            if issues.isEmpty { lastValid = value }
            return value
        case .date:
            guard bytes.count == 8, let value = RF2Row.decimal(bytes), RF2Date.isValid(Int(value)) else {
                issues.insert(bytes.isEmpty ? .empty : .notDate)
                return ValidationValues.null
            }
            return value
        case .boolean:
            guard bytes.count == 1, bytes[0] == 48 || bytes[0] == 49 else {
                issues.insert(bytes.isEmpty ? .empty : .notBoolean)
                return ValidationValues.null
            }
            return Int64(bytes[0] &- 48)
        case .integer(let nonNegative):
            var negative = false
            var start = 0
            if bytes.first == 45 {
                negative = true
                start = 1
            }
            guard bytes.count > start, bytes.count - start <= 10, let magnitude = RF2Row.decimal(UnsafeBufferPointer(rebasing: bytes[start...])) else {
                issues.insert(bytes.isEmpty ? .empty : .notInteger)
                return ValidationValues.null
            }
            let value = negative ? -magnitude : magnitude
            guard value >= Int64(Int32.min), value <= Int64(Int32.max) else {
                issues.insert(.outOfRange)
                return ValidationValues.null
            }
            if nonNegative, value < 0 {
                issues.insert(.negative)
                return ValidationValues.null
            }
            return value
        case .uuid:
            guard let uuid = RF2UUID(bytes: bytes) else {
                issues.insert(.notUUID)
                return ValidationValues.null
            }
            uuidLow = Int64(bitPattern: uuid.low)
            return Int64(bitPattern: uuid.high)
        case .text(let mandatory):
            if mandatory, bytes.isEmpty {
                issues.insert(.empty)
                return ValidationValues.null
            }
            for byte in bytes where byte >= 0x80 {
                if String(validating: bytes, as: UTF8.self) == nil { issues.insert(.notUTF8) }
                break
            }
            if RF2Text.firstControlByte(in: bytes) != nil { issues.insert(.controlCharacter) }
            return 0
        }
    }

    /// The rule and message for each issue of a field (error path only).
    static func describe(_ issues: FieldIssues, rule: FieldRule, value: Int64) -> [(ValidationRule, String)] {
        var found: [(ValidationRule, String)] = []
        if issues.contains(.empty) {
            found.append((.value, rule == .date ? "must not be empty (published files always carry an effective time)" : "must not be empty"))
        }
        if issues.contains(.notSCTID) { found.append((.value, "not an SCTID (6 to 18 digits, no leading zero)")) }
        if issues.contains(.wrongPartition), case .sctid(let kind?) = rule, let partition = SCTID.partition(of: value) {
            found.append((.partition, "partition \(partitionDigits(value)) names a \(partition.componentKind.rawValue), expected a \(kind.rawValue)"))
        }
        if issues.contains(.reservedPartition) { found.append((.partition, "partition \(partitionDigits(value)) is reserved")) }
        if issues.contains(.checkDigit) { found.append((.checkDigit, "the Verhoeff check digit is wrong")) }
        if issues.contains(.notDate) { found.append((.value, "not a valid YYYYMMDD date")) }
        if issues.contains(.notBoolean) { found.append((.value, "expected 1 or 0")) }
        if issues.contains(.notInteger) { found.append((.value, "not an integer")) }
        if issues.contains(.outOfRange) { found.append((.value, "outside the 32-bit integer range")) }
        if issues.contains(.negative) { found.append((.value, "must not be negative")) }
        if issues.contains(.notUUID) { found.append((.value, "not a UUID (8-4-4-4-12 hexadecimal digits)")) }
        if issues.contains(.notUTF8) { found.append((.value, "not valid UTF-8")) }
        if issues.contains(.controlCharacter) {
            found.append((.encoding, "contains a control character (such as NUL, a bare CR or ESC); RF2 text must not contain control characters"))
        }
        return found
    }

    // Codes for staged values that do not come from a field (fields use their index, 0 and up).
    private static let fileCode = -2
    private static let lineCode = -3
    private static let uuidLowCode = -4
    private static let constantBase = -5

    /// Flattens plans into integer codes so the per-row staging loop does no enum or array-of-struct work.
    private static func encode(_ plans: [StagingPlan]) -> ([[Int]], [Int64]) {
        var constants: [Int64] = []
        let codes = plans.map { plan in
            plan.sources.map { source -> Int in
                switch source {
                case .field(let index): return index
                case .file: return fileCode
                case .line: return lineCode
                case .uuidLow: return uuidLowCode
                case .constant(let value):
                    constants.append(value)
                    return constantBase - (constants.count - 1)
                }
            }
        }
        return (codes, constants)
    }

    private static func partitionDigits(_ value: Int64) -> String {
        let digits = value / 10 % 100
        return digits < 10 ? "0\(digits)" : String(digits)
    }
}
