import RF2

/// Everything ``ReleaseValidator`` found in a set of packages.
///
/// The listed problems are capped per rule so that a thoroughly broken International release cannot exhaust
/// memory; ``counts`` always holds the true totals, including problems that were not listed.
public struct ValidationReport: Sendable, Hashable, Codable {
    /// Totals for one rule.
    public struct RuleCount: Sendable, Hashable, Codable {
        public var rule: ValidationRule
        public var errors: Int
        public var warnings: Int
        /// How many of them are in ``ValidationReport/problems``; the rest were counted only.
        public var listed: Int

        public init(rule: ValidationRule, errors: Int, warnings: Int, listed: Int) {
            self.rule = rule
            self.errors = errors
            self.warnings = warnings
            self.listed = listed
        }

        public var total: Int { errors + warnings }
        /// Problems counted but not listed because the per-rule cap was reached.
        public var unlisted: Int { total - listed }
    }

    /// Names of the validated packages, in the order given.
    public var packages: [String]
    /// The release type validated in each package.
    public var releaseTypes: [ReleaseType]
    /// Display paths of the data files read, package name first (`package/path`).
    public var files: [String]
    /// Data rows read (headers and blank lines excluded).
    public var rows: Int
    /// Listed problems: structural ones in file order, then cross-file ones by rule.
    public var problems: [ValidationProblem]
    /// Totals per rule, for every rule that found something, in ``ValidationRule`` order.
    public var counts: [RuleCount]
    /// Checks that were skipped and why (e.g. cross-file rules on a Delta, which is not self-contained).
    public var notes: [String]
    /// Wall-clock seconds the validation took.
    public var seconds: Double

    public init(
        packages: [String], releaseTypes: [ReleaseType], files: [String], rows: Int, problems: [ValidationProblem],
        counts: [RuleCount], notes: [String], seconds: Double
    ) {
        self.packages = packages
        self.releaseTypes = releaseTypes
        self.files = files
        self.rows = rows
        self.problems = problems
        self.counts = counts
        self.notes = notes
        self.seconds = seconds
    }

    /// Total errors, listed or not.
    public var errorCount: Int { counts.reduce(0) { $0 + $1.errors } }
    /// Total warnings, listed or not.
    public var warningCount: Int { counts.reduce(0) { $0 + $1.warnings } }
    /// True when the release must not be published or imported as it is.
    public var hasErrors: Bool { errorCount > 0 }

    /// All problems (errors and warnings) a rule found, listed or not.
    public func count(_ rule: ValidationRule) -> Int {
        counts.first { $0.rule == rule }?.total ?? 0
    }

    /// The listed problems of one rule.
    public func problems(_ rule: ValidationRule) -> [ValidationProblem] {
        problems.filter { $0.rule == rule }
    }
}
