import Foundation
import GRDB
import RF2

/// Checks RF2 release packages against the RF2 rules without importing them, listing every problem found.
///
/// Importing stops at the first malformed row because a half-loaded store is worse than none; a release
/// author needs the opposite — the complete list, with file, line, column and value, in one run. The
/// validator therefore scans each file tolerantly (one pass, both cores), stages the rows it needs in a
/// temporary SQLite file, and runs the cross-file rules (uniqueness, referential integrity, language
/// refsets, hierarchy, historical associations, module dependencies) as SQL over the combined packages.
///
/// ```swift
/// let report = try ReleaseValidator.validate(packages: [international, norway])
/// if report.hasErrors { ... }
/// ```
public struct ReleaseValidator: Sendable {
    /// Default number of problems listed per rule; the rest are only counted.
    public static let defaultProblemsPerRule = 1000

    /// Validates one package, or an edition plus the extensions to be combined with it.
    ///
    /// - Parameters:
    ///   - packages: package folders or `.zip` files; extensions must come with the packages their module
    ///     dependency refset names, otherwise the `mdrs` rule reports the missing ones.
    ///   - releaseType: which files to check; by default Snapshot, else Full, else Delta per package. The
    ///     cross-file rules are skipped for Delta files, which are not self-contained.
    ///   - maxProblemsPerRule: listing cap per rule, so a broken International release cannot exhaust memory.
    ///   - temporaryDirectory: where the staging database goes (deleted afterwards); the system default if nil.
    ///   - progress: short human-readable progress lines.
    /// - Returns: every problem found (listed up to the cap) and totals per rule.
    /// - Throws: ``StoreError`` when no package is given or the staging database fails; problems in the
    ///   packages themselves are reported, never thrown.
    public static func validate(
        packages: [URL], releaseType: ReleaseType? = nil, maxProblemsPerRule: Int = defaultProblemsPerRule,
        temporaryDirectory: URL? = nil, progress: (@Sendable (String) -> Void)? = nil
    ) throws -> ValidationReport {
        let started = Date()
        guard !packages.isEmpty else { throw StoreError(.invalidOptions, "no package given") }
        let cap = max(0, maxProblemsPerRule)
        var problems = ProblemCollector(cap: cap)
        var notes: [String] = []
        let selection = selectFiles(of: packages, releaseType: releaseType, problems: &problems)
        let staging = try openStaging(in: temporaryDirectory ?? FileManager.default.temporaryDirectory)
        defer { staging.remove() }

        var rows = 0
        do {
            try staging.run { db in
                rows = try check(db, selection, cap: cap, progress: progress, problems: &problems, notes: &notes)
            }
        } catch let error as DatabaseError {
            throw StoreError(.database, "validation database failed: \(error)")
        }

        let inputs = selection.inputs
        return ValidationReport(
            packages: selection.names, releaseTypes: selection.types, files: inputs.map { "\($0.packageName)/\($0.file.displayPath)" }, rows: rows,
            problems: problems.problems, counts: problems.counts(), notes: notes, seconds: Date().timeIntervalSince(started))
    }

    /// The packages opened, the release type chosen for each, and their files in reading order.
    private struct Selection {
        var names: [String] = []
        var types: [ReleaseType] = []
        var inputs: [StructuralPass.Input] = []
    }

    /// Opens every package and selects the files of one release type from each; a package that cannot be
    /// opened, or has no files of that type, is reported and keeps only its name.
    private static func selectFiles(of packages: [URL], releaseType: ReleaseType?, problems: inout ProblemCollector) -> Selection {
        var selection = Selection()
        for url in packages {
            let opened = PackageDiscovery.open(url, problems: &problems)
            selection.names.append(opened.name)
            guard let package = opened.package,
                let (type, files) = PackageDiscovery.select(package, requested: releaseType, problems: &problems)
            else { continue }
            selection.types.append(type)
            let order = files.sorted { ($0.kind!.readingOrder, $0.displayPath) < ($1.kind!.readingOrder, $1.displayPath) }
            let packageIndex = selection.names.count - 1
            selection.inputs += order.map {
                StructuralPass.Input(packageIndex: packageIndex, packageName: opened.name, file: $0, releaseDate: package.effectiveTime)
            }
        }
        return selection
    }

    private static func openStaging(in directory: URL) throws -> StagingDatabase {
        do { return try StagingDatabase(directory: directory) } catch {
            throw StoreError(.database, "cannot create the temporary validation database in \(directory.path): \(error)")
        }
    }

    /// Stages the selected files (the structural pass) and runs the rules over the staged rows; returns the
    /// number of rows read.
    private static func check(
        _ db: Database, _ selection: Selection, cap: Int, progress: (@Sendable (String) -> Void)?,
        problems: inout ProblemCollector, notes: inout [String]
    ) throws -> Int {
        let inputs = selection.inputs, types = selection.types
        try StagingDatabase.createTables(db)
        let output = try StructuralPass(inputs: inputs, cap: cap, progress: progress).run(db: db)
        problems.merge(output.problems)
        let rows = output.summaries.reduce(0) { $0 + ($1?.rows ?? 0) }
        let modulesUsed = firstUses(of: output.summaries)

        progress?("indexing staged rows")
        try StagingDatabase.createKeyIndexes(db)
        var context = CheckContext(db: db, inputs: inputs, problems: problems)
        progress?("checking unique ids")
        try IdentifierCheck(keyIncludesTime: types.contains(.full)).run(&context)

        if types.contains(.delta) {
            notes.append(
                "cross-file rules (referential integrity, language refsets, hierarchy, associations, module dependencies) were skipped: Delta files are not self-contained"
            )
        } else {
            try checkCrossFileRules(db, selection, &context, modulesUsed: modulesUsed, progress: progress, notes: &notes)
        }
        problems = context.problems
        return rows
    }

    /// Where each module is first used: the first file (by input position) and its line.
    private static func firstUses(of summaries: [FileChecker.Summary?]) -> [Int64: (file: Int, line: Int)] {
        var modulesUsed: [Int64: (file: Int, line: Int)] = [:]
        for (index, summary) in summaries.enumerated() {
            for (module, line) in summary?.modules ?? [:] where modulesUsed[module] == nil {
                modulesUsed[module] = (index, line)
            }
        }
        return modulesUsed
    }

    /// The rules over the combined current state of every package.
    private static func checkCrossFileRules(
        _ db: Database, _ selection: Selection, _ context: inout CheckContext, modulesUsed: [Int64: (file: Int, line: Int)],
        progress: (@Sendable (String) -> Void)?, notes: inout [String]
    ) throws {
        let inputs = selection.inputs
        let materialize = inputs.contains { $0.packageIndex != inputs[0].packageIndex } || selection.types.contains(.full)
        progress?("building the combined current state")
        try StagingDatabase.createCurrentState(db, materialize: materialize)
        try StagingDatabase.createRuleIndexes(db, materialized: materialize)
        progress?("checking referential integrity")
        try ReferenceCheck().run(&context)
        progress?("checking language refsets")
        try LanguageCheck().run(&context)
        if try context.exists("SELECT 1 FROM relationship WHERE stated = 0") {
            progress?("checking the IS-A hierarchy")
            try HierarchyCheck().run(&context)
        } else {
            notes.append("IS-A rules (isa-cycle, isa-parent) were skipped: no inferred Relationship file")
        }
        progress?("checking historical associations")
        try AssociationCheck().run(&context)
        progress?("checking module dependencies")
        try ModuleDependencyCheck(modulesUsed: modulesUsed).run(&context)
    }
}
