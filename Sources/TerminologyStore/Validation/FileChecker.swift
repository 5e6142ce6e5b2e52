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
    /// The date an import gives rows with an empty effectiveTime: the package's date (see
    /// ``ImportSelection/Entry/releaseDate``). Such rows are staged with it.
    let releaseDate: Int

    /// Reports one problem: severity, rule, line, column, value and message.
    typealias Report = (ValidationProblem.Severity, ValidationRule, Int, String?, String?, @autoclosure () -> String) -> Void

    /// The state of one pass over the file: the header's rules, field buffers reused row to row, the batch
    /// being staged and what the summary and line-ending warning need.
    struct Scan {
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
        var batch = Batch(planCount: 0)
        var withoutCR = 0
        var firstWithoutCR = 0
        var lastModule = ValidationValues.null
        /// The effectiveTime column (the third in identifier files) and the value an empty one is staged as.
        var effectiveTimeColumn = 1
        var releaseDate = ValidationValues.null
        var undated = 0
        var firstUndated = 0

        mutating func lineWithoutCR(_ number: Int) {
            withoutCR += 1
            if firstWithoutCR == 0 { firstWithoutCR = number }
        }

        mutating func undatedRow(_ number: Int) {
            undated += 1
            if firstUndated == 0 { firstUndated = number }
        }
    }

    func run(
        problems: inout ProblemCollector, plansFound: ([StagingPlan]) throws -> Void, emit: (Batch) throws -> Void
    ) throws -> Summary {
        var scan = Scan()
        scan.effectiveTimeColumn = kind == .identifier ? 2 : 1
        if RF2Date.isValid(releaseDate) { scan.releaseDate = Int64(releaseDate) }
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
            if scan.skip { return }
            guard let (base, begin, length) = Self.content(of: line, number: number, terminated: terminated, scan: &scan, problem: problem) else {
                return
            }
            if !scan.headerRead {
                try readHeader(base, begin: begin, length: length, line: number, scan: &scan, problem: problem, plansFound: plansFound)
            } else if Self.checkRow(base, begin: begin, length: length, line: number, scan: &scan, problem: problem) {
                try stageRow(line: number, scan: &scan, emit: emit)
            }
        }
        if scan.batch.rows > 0 { try emit(scan.batch) }
        if !scan.headerRead {
            problem(.error, .header, line: 1, "the file is empty: it has no header row")
        }
        reportCounted(scan, problem: problem)
        return scan.summary
    }

    /// The warnings counted over the whole file, one each: lines without CRLF, rows with an empty effectiveTime.
    private func reportCounted(_ scan: Scan, problem: Report) {
        if scan.withoutCR > 0 {
            let message =
                scan.withoutCR == 1
                ? "line \(scan.firstWithoutCR) does not end with CRLF"
                : "\(scan.withoutCR) lines do not end with CRLF (the first is line \(scan.firstWithoutCR))"
            problem(.warning, .lineEnding, scan.firstWithoutCR, nil, nil, message + "; RF2 requires CRLF on every line, including the last")
        }
        if scan.undated > 0 {
            let rows = scan.undated == 1 ? "1 row has" : "\(scan.undated) rows have"
            problem(
                .warning, .emptyEffectiveTime, scan.firstUndated, "effectiveTime", nil,
                "\(rows) an empty effectiveTime (the first is line \(scan.firstUndated)): content not yet published, which an import takes as \(releaseDate), the package's date (or its --version-date)"
            )
        }
    }

    /// The line's content without its CR and byte-order mark (start, end); nil for a blank line. Reports blank
    /// lines, a missing CR, a byte-order mark and a trailing space.
    private static func content(
        of line: UnsafeBufferPointer<UInt8>, number: Int, terminated: Bool, scan: inout Scan, problem: Report
    ) -> (UnsafePointer<UInt8>, Int, Int)? {
        guard let base = line.baseAddress, !line.isEmpty else {
            // An empty line (LF only, or nothing at all).
            if terminated { scan.lineWithoutCR(number) }
            problem(.warning, .blankLine, number, nil, nil, "blank line")
            return nil
        }
        var length = line.count
        if base[length - 1] == 13 {
            length -= 1
        } else {
            scan.lineWithoutCR(number)
        }
        var begin = 0
        if number == 1, length >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
            begin = 3
            problem(.warning, .encoding, 1, nil, nil, "the file starts with a UTF-8 byte-order mark; RF2 files have none")
        }
        if length == begin {
            problem(.warning, .blankLine, number, nil, nil, "blank line")
            return nil
        }
        if base[length - 1] == 32 {
            problem(.warning, .trailingWhitespace, number, nil, nil, "the line ends with a space")
        }
        return (base, begin, length)
    }

    /// Reads the header: each column's rule, the staging plans, and buffers sized for the rows. A header the
    /// rows cannot be read by stops the scan.
    private func readHeader(
        _ base: UnsafePointer<UInt8>, begin: Int, length: Int, line number: Int, scan: inout Scan, problem: Report,
        plansFound: ([StagingPlan]) throws -> Void
    ) throws {
        scan.headerRead = true
        var names: [String] = []
        var fieldStart = begin
        for index in begin...length where index == length || base[index] == 9 {
            names.append(String(decoding: UnsafeBufferPointer(start: base + fieldStart, count: index - fieldStart), as: UTF8.self))
            fieldStart = index + 1
        }
        guard let checked = checkHeader(names, line: number, problem: problem) else {
            scan.skip = true
            return
        }
        (scan.rules, scan.columns) = checked
        scan.plans = StagingPlan.plans(for: kind, header: names)
        (scan.sources, scan.constants) = Self.encode(scan.plans)
        try plansFound(scan.plans)
        scan.summary.staged = true
        scan.batch = Batch(planCount: scan.plans.count)
        scan.starts = Array(repeating: 0, count: scan.rules.count)
        scan.ends = Array(repeating: 0, count: scan.rules.count)
        scan.values = Array(repeating: 0, count: scan.rules.count)
        scan.lastValid = Array(repeating: ValidationValues.null, count: scan.rules.count)
    }

    /// Splits a row into the header's columns and checks every value into `scan.values`; false when the row
    /// has the wrong number of columns.
    private static func checkRow(
        _ base: UnsafePointer<UInt8>, begin: Int, length: Int, line number: Int, scan: inout Scan, problem: Report
    ) -> Bool {
        let expected = scan.rules.count
        let field = scan.starts.withUnsafeMutableBufferPointer { starts in
            scan.ends.withUnsafeMutableBufferPointer { ends in
                RF2FieldSplitter.split(base, begin: begin, length: length, starts: starts, ends: ends)
            }
        }
        guard field == expected else {
            problem(.error, .columnCount, number, nil, String(field), "the row has \(field) columns, the header has \(expected)")
            return false
        }
        scan.summary.rows += 1
        for column in 0..<expected {
            let bytes = UnsafeBufferPointer(start: base + scan.starts[column], count: scan.ends[column] - scan.starts[column])
            if column == scan.effectiveTimeColumn, bytes.isEmpty {
                // Content not yet published, as an import accepts it: counted, and staged with the date it gets.
                scan.undatedRow(number)
                scan.values[column] = scan.releaseDate
                continue
            }
            var issues: FieldIssues = []
            scan.values[column] = check(bytes, scan.rules[column], lastValid: &scan.lastValid[column], uuidLow: &scan.uuidLow, issues: &issues)
            if !issues.isEmpty {
                for (rule, message) in describe(issues, rule: scan.rules[column], value: scan.values[column]) {
                    problem(.error, rule, number, scan.columns[column], String(decoding: bytes, as: UTF8.self), message)
                }
            }
        }
        return true
    }

    /// Records the row's module and appends its values to every staging plan; a full batch is emitted.
    private func stageRow(line number: Int, scan: inout Scan, emit: (Batch) throws -> Void) throws {
        let module = scan.values[kind == .identifier ? 4 : 3]
        if module != scan.lastModule, module != ValidationValues.null {
            scan.lastModule = module
            if scan.summary.modules[module] == nil { scan.summary.modules[module] = number }
        }
        // Rows without a usable id cannot take part in cross-file rules.
        guard !scan.plans.isEmpty, scan.values[0] != ValidationValues.null else { return }
        for planIndex in 0..<scan.sources.count {
            for code in scan.sources[planIndex] {
                let value: Int64
                switch code {
                case 0...: value = scan.values[code]
                case Self.fileCode: value = Int64(fileIndex)
                case Self.lineCode: value = Int64(number)
                case Self.uuidLowCode: value = scan.uuidLow
                default: value = scan.constants[Self.constantBase - code]
                }
                scan.batch.values[planIndex].append(value)
            }
        }
        scan.batch.rows += 1
        if scan.batch.rows >= Batch.capacity {
            try emit(scan.batch)
            scan.batch = Batch(planCount: scan.plans.count)
        }
    }

    /// Checks the header against the file kind; returns each column's rule and name, or nil when the rows cannot
    /// be interpreted (wrong column count).
    private func checkHeader(
        _ names: [String], line: Int,
        problem: Report
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
            found.append((.value, rule == .date ? "must not be empty (a module dependency names both versions)" : "must not be empty"))
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
