import Foundation
import RF2
import Testing

import TerminologyStore

/// `ReleaseValidator` on small packages written into a temporary folder: one clean package, then one broken
/// case per rule, each asserting the exact rule, file, line, column and value reported.
@Suite struct ValidatorTests {
    static let conceptFile = "Snapshot/Terminology/sct2_Concept_Snapshot_INT_20250101.txt"
    static let descriptionFile = "Snapshot/Terminology/sct2_Description_Snapshot-en_INT_20250101.txt"
    static let relationshipFile = "Snapshot/Terminology/sct2_Relationship_Snapshot_INT_20250101.txt"
    static let languageFile = "Snapshot/Refset/Language/der2_cRefset_LanguageSnapshot-en_INT_20250101.txt"
    static let associationFile = "Snapshot/Refset/Content/der2_cRefset_AssociationSnapshot_INT_20250101.txt"
    static let mdrsFile = "Snapshot/Refset/Metadata/der2_ssRefset_ModuleDependencySnapshot_INT_20250101.txt"

    let a = SCTID.make(item: 1001, partition: .concept)
    let b = SCTID.make(item: 1002, partition: .concept)
    let c = SCTID.make(item: 1003, partition: .concept)
    let d = SCTID.make(item: 1004, partition: .concept)

    // MARK: Clean packages

    @Test func cleanPackageHasNoProblems() throws {
        let report = try validate(Fixture.international())
        #expect(report.problems == [])
        #expect(report.hasErrors == false)
        #expect(report.warningCount == 0)
        #expect(report.releaseTypes == [.snapshot])
        #expect(report.files.count == 6)
        #expect(report.rows > 50)
    }

    @Test func editionWithExtensionHasNoProblems() throws {
        let report = try validate(Fixture.international(), Fixture.norway())
        #expect(report.problems == [])
        #expect(report.packages.count == 2)
    }

    // MARK: Structural rules

    @Test func badCheckDigit() throws {
        var fixture = Fixture.international()
        let row = fixture.conceptRow(a)
        fixture.concepts[row][4] = "900000000000074009"
        let report = try validate(fixture)
        #expect(
            report.problems.map(\.located) == [
                problem(.checkDigit, Self.conceptFile, row + 2, "definitionStatusId", "900000000000074009")
            ])
    }

    @Test func wrongPartition() throws {
        var fixture = Fixture.international()
        let descriptionId = SCTID.make(item: 9001, partition: .description)
        fixture.concepts.append([String(descriptionId), "20250101", "0", String(WellKnown.coreModule), String(WellKnown.primitive)])
        let report = try validate(fixture)
        #expect(
            report.problems.map(\.located) == [
                problem(.partition, Self.conceptFile, fixture.concepts.count + 1, "id", String(descriptionId))
            ])
        #expect(report.problems.first?.message == "partition 01 names a description, expected a concept")
    }

    @Test func badDate() throws {
        var fixture = Fixture.international()
        let row = fixture.conceptRow(a)
        fixture.concepts[row][1] = "20250231"
        let report = try validate(fixture)
        #expect(report.problems.map(\.located) == [problem(.value, Self.conceptFile, row + 2, "effectiveTime", "20250231")])
    }

    @Test func badBoolean() throws {
        var fixture = Fixture.international()
        let row = fixture.conceptRow(b)
        fixture.concepts[row][2] = "2"
        let report = try validate(fixture)
        #expect(report.problems.map(\.located) == [problem(.value, Self.conceptFile, row + 2, "active", "2")])
    }

    @Test func wrongColumnCount() throws {
        var fixture = Fixture.international()
        fixture.concepts.append([String(SCTID.make(item: 1010, partition: .concept)), "20250101", "1", String(WellKnown.coreModule)])
        let report = try validate(fixture)
        #expect(report.problems.map(\.located) == [problem(.columnCount, Self.conceptFile, fixture.concepts.count + 1, nil, "4")])
    }

    @Test func badHeader() throws {
        var fixture = Fixture.international()
        fixture.conceptHeader[1] = "effectiveDate"
        let report = try validate(fixture)
        #expect(report.problems.map(\.located) == [problem(.header, Self.conceptFile, 1, "effectiveTime", "effectiveDate")])
    }

    @Test func duplicateId() throws {
        var fixture = Fixture.international()
        let row = fixture.conceptRow(c)
        fixture.concepts.append(fixture.concepts[row])
        let report = try validate(fixture)
        #expect(report.problems.map(\.located) == [problem(.uniqueId, Self.conceptFile, fixture.concepts.count + 1, "id", String(c))])
        #expect(report.problems.first?.message == "concept id \(c) is already used at \(Self.conceptFile):\(row + 2)")
    }

    @Test func fullFilesKeyIdsByEffectiveTime() throws {
        var fixture = Fixture.international()
        fixture.type = "Full"
        let row = fixture.conceptRow(a)
        var older = fixture.concepts[row]
        older[1] = "20240101"
        older[2] = "0"
        fixture.concepts.insert(older, at: 0)
        var report = try validate(fixture)
        #expect(report.problems == [])
        #expect(report.releaseTypes == [.full])

        fixture.concepts.append(older)
        report = try validate(fixture)
        #expect(
            report.problems.map(\.located) == [
                problem(.uniqueId, "Full/Terminology/sct2_Concept_Full_INT_20250101.txt", fixture.concepts.count + 1, "id", String(a))
            ])
    }

    @Test func badFileName() throws {
        let folder = try Fixture.international().write()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let bad = folder.appendingPathComponent("Snapshot/Terminology/sct2_Concept_Snapshot_INT.txt")
        try Data("id\r\n".utf8).write(to: bad)
        let report = try ReleaseValidator.validate(packages: [folder])
        #expect(report.problems.map(\.rule) == [.fileName])
        #expect(report.problems.first?.file == "Snapshot/Terminology/sct2_Concept_Snapshot_INT.txt")
        #expect(report.problems.first?.value == "sct2_Concept_Snapshot_INT.txt")
        #expect(report.files.count == 6)
    }

    @Test func lineEndingsAndBlankLinesAreWarnings() throws {
        var fixture = Fixture.international()
        fixture.lineEnding = "\n"
        fixture.conceptTrailer = "\n"
        let report = try validate(fixture)
        #expect(report.hasErrors == false)
        #expect(report.count(.lineEnding) == 6)
        #expect(
            report.problems(.blankLine).map(\.located) == [
                Located(severity: .warning, rule: .blankLine, package: "INT", file: Self.conceptFile, line: fixture.concepts.count + 2)
            ])
    }

    @Test func emptyEffectiveTimeIsOneWarningPerFileLikeImport() throws {
        var fixture = Fixture.international()
        for id in [b, c] { fixture.concepts[fixture.conceptRow(id)][1] = "" }
        fixture.descriptions[fixture.descriptionRow(fixture.preferredSynonym(of: c))][1] = ""
        let report = try validate(fixture)
        #expect(report.hasErrors == false)
        let first = fixture.conceptRow(b) + 2
        #expect(
            report.problems.map(\.located) == [
                Located(severity: .warning, rule: .emptyEffectiveTime, package: "INT", file: Self.conceptFile, line: first, column: "effectiveTime"),
                Located(
                    severity: .warning, rule: .emptyEffectiveTime, package: "INT", file: Self.descriptionFile,
                    line: fixture.descriptionRow(fixture.preferredSynonym(of: c)) + 2, column: "effectiveTime"),
            ])
        #expect(
            report.problems.first?.message
                == "2 rows have an empty effectiveTime (the first is line \(first)): content not yet published, which an import takes as 20250101, the package's date (or its --version-date)"
        )

        // A value that is there but no date stays an error.
        fixture.concepts[fixture.conceptRow(a)][1] = "2025-01-01"
        #expect(
            try validate(fixture).problems(.value).map(\.located) == [
                problem(.value, Self.conceptFile, fixture.conceptRow(a) + 2, "effectiveTime", "2025-01-01")
            ])
    }

    @Test func problemListIsCappedButCounted() throws {
        var fixture = Fixture.international()
        for id in [a, b, c] { fixture.concepts[fixture.conceptRow(id)][1] = "2025013x" }
        let folder = try fixture.write()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let report = try ReleaseValidator.validate(packages: [folder], maxProblemsPerRule: 2)
        #expect(report.problems(.value).count == 2)
        #expect(report.count(.value) == 3)
        #expect(report.counts == [ValidationReport.RuleCount(rule: .value, errors: 3, warnings: 0, listed: 2)])
    }

    // MARK: Cross-file rules

    @Test func descriptionPointsAtMissingConcept() throws {
        var fixture = Fixture.international()
        let missing = SCTID.make(item: 1999, partition: .concept)
        let description = fixture.addDescription(concept: missing, type: WellKnown.synonym, term: "Orphan", acceptability: WellKnown.acceptable)
        let report = try validate(fixture)
        #expect(
            report.problems.map(\.located) == [
                problem(.referentialIntegrity, Self.descriptionFile, fixture.descriptionRow(description) + 2, "conceptId", String(missing))
            ])
    }

    @Test func relationshipDestinationMissing() throws {
        var fixture = Fixture.international()
        let missing = SCTID.make(item: 1998, partition: .concept)
        let relationship = fixture.addIsA(c, parent: missing)
        let report = try validate(fixture)
        #expect(
            report.problems.map(\.located) == [
                problem(.referentialIntegrity, Self.relationshipFile, fixture.relationshipRow(relationship) + 2, "destinationId", String(missing))
            ])
    }

    @Test func twoPreferredSynonymsInOneLanguageRefset() throws {
        var fixture = Fixture.international()
        let second = fixture.addDescription(concept: a, type: WellKnown.synonym, term: "Second preferred", acceptability: WellKnown.preferred)
        let report = try validate(fixture)
        #expect(report.problems.map(\.located) == [problem(.ptPerLanguage, Self.conceptFile, fixture.conceptRow(a) + 2, "id", String(a))])
        let first = fixture.preferredSynonym(of: a)
        #expect(
            report.problems.first?.message
                == "the active concept has 2 preferred synonyms in language refset \(WellKnown.usEnglish) (descriptions \(first), \(second))")
    }

    @Test func conceptWithoutFSN() throws {
        var fixture = Fixture.international()
        fixture.removeDescriptions(of: b, type: WellKnown.fullySpecifiedName)
        let report = try validate(fixture)
        #expect(report.problems.map(\.located) == [problem(.fsnPerLanguage, Self.conceptFile, fixture.conceptRow(b) + 2, "id", String(b))])
    }

    @Test func isaCycleOfThreeConcepts() throws {
        var fixture = Fixture.international()
        // a → root becomes a → c; with b → a and c → b that closes a → c → b → a.
        let row = fixture.isaRow(of: a)
        fixture.relationships[row][5] = String(c)
        let report = try validate(fixture)
        #expect(
            report.problems.map(\.located) == [
                problem(.isaCycle, Self.relationshipFile, row + 2, "destinationId", "\(a) → \(c) → \(b) → \(a)")
            ])
    }

    @Test func activeLanguageMemberOnInactiveDescription() throws {
        var fixture = Fixture.international()
        let description = fixture.addDescription(concept: a, type: WellKnown.synonym, term: "Retired", acceptability: WellKnown.acceptable, active: false)
        let report = try validate(fixture)
        #expect(
            report.problems.map(\.located) == [
                problem(.languageMirrorsDescription, Self.languageFile, fixture.languageRow(description) + 2, "referencedComponentId", String(description))
            ])
    }

    @Test func associationTargetInactive() throws {
        var fixture = Fixture.international()
        let e = SCTID.make(item: 1005, partition: .concept)
        fixture.addConcept(e, module: WellKnown.coreModule, parent: nil, active: false)
        let row = fixture.associations.firstIndex { $0[5] == String(d) }!
        fixture.associations[row][6] = String(e)
        let report = try validate(fixture)
        #expect(report.problems.map(\.located) == [problem(.associationTargetActive, Self.associationFile, row + 2, "targetComponentId", String(e))])
    }

    @Test func activeConceptWithoutParent() throws {
        var fixture = Fixture.international()
        let row = fixture.isaRow(of: c)
        fixture.relationships[row][2] = "0"
        let report = try validate(fixture)
        #expect(report.problems.map(\.located) == [problem(.isaParent, Self.conceptFile, fixture.conceptRow(c) + 2, "id", String(c))])
    }

    @Test func extensionAloneMissesItsDependencies() throws {
        let report = try validate(Fixture.norway())
        let file = "Snapshot/Refset/Metadata/der2_ssRefset_ModuleDependencySnapshot_NO1000202_20250215.txt"
        #expect(
            report.problems(.mdrs).map(\.located) == [
                problem(.mdrs, file, 2, "referencedComponentId", String(WellKnown.coreModule), package: "NO"),
                problem(.mdrs, file, 3, "referencedComponentId", String(WellKnown.modelModule), package: "NO"),
            ])
        #expect(
            report.problems(.mdrs).first?.message.hasPrefix(
                "module \(WellKnown.norwayModule) depends on module \(WellKnown.coreModule) version 20250101, but no validated package contains that module")
                == true)
    }

    // MARK: Helpers

    private func validate(_ fixtures: Fixture...) throws -> ValidationReport {
        let folders = try fixtures.map { try $0.write() }
        defer { for folder in folders { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) } }
        return try ReleaseValidator.validate(packages: folders)
    }

    private func problem(
        _ rule: ValidationRule, _ file: String, _ line: Int, _ column: String?, _ value: String, package: String = "INT"
    ) -> Located {
        Located(severity: .error, rule: rule, package: package, file: file, line: line, column: column, value: value)
    }
}

/// A problem without its message: what the rule tests assert exactly (messages are checked separately).
private struct Located: Equatable, CustomStringConvertible {
    var severity: ValidationProblem.Severity
    var rule: ValidationRule
    var package: String?
    var file: String?
    var line: Int?
    var column: String?
    var value: String?

    var description: String {
        "\(severity) [\(rule.rawValue)] \(package ?? "-") \(file ?? "-"):\(line.map(String.init) ?? "-") \(column ?? "-") '\(value ?? "")'"
    }
}

extension ValidationProblem {
    fileprivate var located: Located {
        Located(severity: severity, rule: rule, package: package, file: file, line: line, column: column, value: value)
    }
}

/// A small, RF2-valid package built in memory and written as CRLF TSV files into a temporary folder.
private struct Fixture {
    var name: String
    var suffix: String
    var date: String
    var module: Int64
    var languageSuffix = "en"
    var conceptHeader = RF2Columns.concept
    var concepts: [[String]] = []
    var descriptions: [[String]] = []
    var relationships: [[String]] = []
    var language: [[String]] = []
    var associations: [[String]] = []
    var dependencies: [[String]] = []
    var lineEnding = "\r\n"
    /// `Snapshot` or `Full`: the folder and file-name release type.
    var type = "Snapshot"
    /// Appended after the concept file's last line (e.g. a blank line).
    var conceptTrailer = ""
    private var nextItem: Int64 = 1
    private var nextMember = 1

    init(name: String, suffix: String, date: String, module: Int64, firstItem: Int64) {
        self.name = name
        self.suffix = suffix
        self.date = date
        self.module = module
        nextItem = firstItem
    }

    /// Metadata in the model module, four concepts `a` → root, `b` → `a`, `c` → `b`, `d` inactive with
    /// SAME AS `a`, and an MDRS row core → model.
    static func international() -> Fixture {
        var fixture = Fixture(name: "INT", suffix: "INT", date: "20250101", module: WellKnown.coreModule, firstItem: 2000)
        let model = WellKnown.modelModule
        fixture.addConcept(WellKnown.root, module: model, parent: nil)
        for id in [WellKnown.isA, WellKnown.coreModule, WellKnown.modelModule, WellKnown.usEnglish, WellKnown.moduleDependency, WellKnown.sameAs] {
            fixture.addConcept(id, module: model, parent: WellKnown.root)
        }
        let a = SCTID.make(item: 1001, partition: .concept)
        let b = SCTID.make(item: 1002, partition: .concept)
        let c = SCTID.make(item: 1003, partition: .concept)
        let d = SCTID.make(item: 1004, partition: .concept)
        fixture.addConcept(a, module: WellKnown.coreModule, parent: WellKnown.root)
        fixture.addConcept(b, module: WellKnown.coreModule, parent: a)
        fixture.addConcept(c, module: WellKnown.coreModule, parent: b)
        fixture.addConcept(d, module: WellKnown.coreModule, parent: nil, active: false)
        fixture.associations.append([fixture.member(), "20250101", "1", String(WellKnown.coreModule), String(WellKnown.sameAs), String(d), String(a)])
        fixture.dependencies.append([
            fixture.member(), "20250101", "1", String(WellKnown.coreModule), String(WellKnown.moduleDependency), String(model), "20250101", "20250101",
        ])
        return fixture
    }

    /// A Norwegian extension: one concept under the International `a`, a Bokmål refset and its PT.
    static func norway() -> Fixture {
        var fixture = Fixture(name: "NO", suffix: "NO1000202", date: "20250215", module: WellKnown.norwayModule, firstItem: 1)
        fixture.languageSuffix = "no"
        let a = SCTID.make(item: 1001, partition: .concept)
        let concept = SCTID.make(item: 100, namespace: WellKnown.norwayNamespace, partition: .extensionConcept)
        fixture.addConcept(WellKnown.norwegianBokmal, module: WellKnown.norwayModule, parent: WellKnown.root)
        fixture.addConcept(concept, module: WellKnown.norwayModule, parent: a)
        fixture.addDescription(
            concept: concept, type: WellKnown.synonym, term: "Norsk term", acceptability: WellKnown.preferred, refset: WellKnown.norwegianBokmal,
            languageCode: "no")
        for target in [WellKnown.coreModule, WellKnown.modelModule] {
            fixture.dependencies.append([
                fixture.member(), "20250215", "1", String(WellKnown.norwayModule), String(WellKnown.moduleDependency), String(target), "20250215", "20250101",
            ])
        }
        return fixture
    }

    // MARK: Building

    mutating func addConcept(_ id: Int64, module: Int64, parent: Int64?, active: Bool = true) {
        concepts.append([String(id), date, active ? "1" : "0", String(module), String(WellKnown.primitive)])
        guard active else { return }
        addDescription(concept: id, type: WellKnown.fullySpecifiedName, term: "Concept \(id) (test)", acceptability: WellKnown.preferred, module: module)
        addDescription(concept: id, type: WellKnown.synonym, term: "Concept \(id)", acceptability: WellKnown.preferred, module: module)
        if let parent { addIsA(id, parent: parent, module: module) }
    }

    @discardableResult
    mutating func addDescription(
        concept: Int64, type: Int64, term: String, acceptability: Int64, active: Bool = true, module: Int64? = nil,
        refset: Int64 = WellKnown.usEnglish, languageCode: String = "en"
    ) -> Int64 {
        let id = makeId(.description)
        let module = module ?? self.module
        descriptions.append([
            String(id), date, active ? "1" : "0", String(module), String(concept), languageCode, String(type), term,
            String(WellKnown.initialCharacterCaseInsensitive),
        ])
        language.append([member(), date, "1", String(module), String(refset), String(id), String(acceptability)])
        return id
    }

    @discardableResult
    mutating func addIsA(_ source: Int64, parent: Int64, module: Int64? = nil) -> Int64 {
        let id = makeId(.relationship)
        relationships.append([
            String(id), date, "1", String(module ?? self.module), String(source), String(parent), "0", String(WellKnown.isA),
            String(WellKnown.inferredRelationship), String(WellKnown.existentialRestriction),
        ])
        return id
    }

    mutating func removeDescriptions(of concept: Int64, type: Int64) {
        let removed = Set(descriptions.filter { $0[4] == String(concept) && $0[6] == String(type) }.map { $0[0] })
        descriptions.removeAll { removed.contains($0[0]) }
        language.removeAll { removed.contains($0[5]) }
    }

    private mutating func makeId(_ partition: SCTID.Partition) -> Int64 {
        defer { nextItem += 1 }
        let long: SCTID.Partition = partition == .description ? .extensionDescription : .extensionRelationship
        return suffix == "INT"
            ? SCTID.make(item: nextItem, partition: partition)
            : SCTID.make(item: nextItem, namespace: WellKnown.norwayNamespace, partition: long)
    }

    mutating func member() -> String {
        defer { nextMember += 1 }
        let prefix = suffix == "INT" ? "00000000" : "11111111"
        let hex = String(nextMember, radix: 16)
        return "\(prefix)-0000-4000-8000-\(String(repeating: "0", count: 12 - hex.count))\(hex)"
    }

    // MARK: Finding rows

    func conceptRow(_ id: Int64) -> Int { concepts.firstIndex { $0[0] == String(id) }! }
    func descriptionRow(_ id: Int64) -> Int { descriptions.firstIndex { $0[0] == String(id) }! }
    func relationshipRow(_ id: Int64) -> Int { relationships.firstIndex { $0[0] == String(id) }! }
    func languageRow(_ description: Int64) -> Int { language.firstIndex { $0[5] == String(description) }! }
    func isaRow(of source: Int64) -> Int { relationships.firstIndex { $0[4] == String(source) && $0[7] == String(WellKnown.isA) }! }
    func preferredSynonym(of concept: Int64) -> Int64 {
        Int64(descriptions.first { $0[4] == String(concept) && $0[6] == String(WellKnown.synonym) }![0])!
    }

    // MARK: Writing

    /// Writes the package into a fresh temporary folder and returns the package folder.
    func write() throws -> URL {
        let type = self.type
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("validator-\(UUID().uuidString)")
        let folder = root.appendingPathComponent(name)
        let refsetBase = RF2Columns.refsetBase
        let files: [(String, [String], [[String]], String)] = [
            ("\(type)/Terminology/sct2_Concept_\(type)_\(suffix)_\(date).txt", conceptHeader, concepts, conceptTrailer),
            ("\(type)/Terminology/sct2_Description_\(type)-\(languageSuffix)_\(suffix)_\(date).txt", RF2Columns.description, descriptions, ""),
            ("\(type)/Terminology/sct2_Relationship_\(type)_\(suffix)_\(date).txt", RF2Columns.relationship, relationships, ""),
            ("\(type)/Refset/Language/der2_cRefset_Language\(type)-\(languageSuffix)_\(suffix)_\(date).txt", refsetBase + ["acceptabilityId"], language, ""),
            ("\(type)/Refset/Content/der2_cRefset_Association\(type)_\(suffix)_\(date).txt", refsetBase + ["targetComponentId"], associations, ""),
            (
                "\(type)/Refset/Metadata/der2_ssRefset_ModuleDependency\(type)_\(suffix)_\(date).txt",
                refsetBase + ["sourceEffectiveTime", "targetEffectiveTime"], dependencies, ""
            ),
        ]
        for (path, header, rows, trailer) in files where !(rows.isEmpty && path.contains("Association")) {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let text = ([header] + rows).map { $0.joined(separator: "\t") + lineEnding }.joined() + trailer
            try Data(text.utf8).write(to: url)
        }
        return folder
    }
}
