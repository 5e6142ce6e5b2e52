/// Accumulates problems with a per-rule listing cap while counting every one of them.
///
/// Used on one thread at a time; the parsing thread fills a ``ProblemCollector`` per batch and the
/// coordinating thread merges them into the report's collector.
struct ProblemCollector: Sendable {
    let cap: Int
    private(set) var problems: [ValidationProblem] = []
    private var errors: [ValidationRule: Int] = [:]
    private var warnings: [ValidationRule: Int] = [:]
    private var listed: [ValidationRule: Int] = [:]

    init(cap: Int) {
        self.cap = cap
    }

    /// Whether another problem of `rule` would still be listed; callers skip building messages when not.
    func wants(_ rule: ValidationRule) -> Bool {
        listed[rule, default: 0] < cap
    }

    mutating func add(_ problem: ValidationProblem) {
        count(problem.rule, problem.severity)
        if wants(problem.rule) {
            problems.append(problem)
            listed[problem.rule, default: 0] += 1
        }
    }

    /// Counts a problem without listing it (the cap was reached before its message was built).
    mutating func count(_ rule: ValidationRule, _ severity: ValidationProblem.Severity, _ amount: Int = 1) {
        switch severity {
        case .error: errors[rule, default: 0] += amount
        case .warning: warnings[rule, default: 0] += amount
        }
    }

    /// Adds the problem if it would be listed, otherwise only counts it; `make` runs only when needed.
    mutating func report(_ rule: ValidationRule, _ severity: ValidationProblem.Severity, _ make: () -> ValidationProblem) {
        if wants(rule) {
            add(make())
        } else {
            count(rule, severity)
        }
    }

    /// Folds another collector's problems and counts into this one.
    mutating func merge(_ other: ProblemCollector) {
        for problem in other.problems {
            if wants(problem.rule) {
                problems.append(problem)
                listed[problem.rule, default: 0] += 1
            }
        }
        for (rule, amount) in other.errors { errors[rule, default: 0] += amount }
        for (rule, amount) in other.warnings { warnings[rule, default: 0] += amount }
    }

    var isEmpty: Bool { errors.isEmpty && warnings.isEmpty }

    func counts() -> [ValidationReport.RuleCount] {
        ValidationRule.allCases.compactMap { rule in
            let errors = errors[rule] ?? 0, warnings = warnings[rule] ?? 0
            guard errors + warnings > 0 else { return nil }
            return ValidationReport.RuleCount(rule: rule, errors: errors, warnings: warnings, listed: listed[rule] ?? 0)
        }
    }
}
