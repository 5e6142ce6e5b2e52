import Foundation
import GRDB
import RF2
import TerminologyStore

/// Writes the RF2 Delta package that turns FROM into TO: every component and member row of TO that is new
/// or differs from FROM, in correctly named files with RF2 headers and CRLF line ends.
///
/// Rows missing from TO cannot be expressed in RF2 (components are never deleted); they are reported in
/// ``DeltaSummary/warnings`` and the delta then does not reproduce TO exactly.
public struct DeltaWriter: Sendable {
    public let from: ReleaseStore
    public let to: ReleaseStore

    public init(from: ReleaseStore, to: ReleaseStore) {
        self.from = from
        self.to = to
    }

    /// What was written.
    public struct DeltaSummary: Sendable {
        public var directory: URL
        /// File path (relative to the package) and data rows written.
        public var files: [(path: String, rows: Int)]
        public var warnings: [String]
        public var rows: Int { files.reduce(0) { $0 + $1.rows } }
    }

    /// Writes the package into `directory` (`Delta/Terminology`, `Delta/Refset/...`), which must not exist
    /// or be empty; files are written into a temporary folder and moved into place when complete.
    public func write(to directory: URL) async throws -> DeltaSummary {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: directory.path), !(try fileManager.contentsOfDirectory(atPath: directory.path)).isEmpty {
            throw DiffError("\(directory.path) is not empty: give a new or empty directory for the delta package")
        }
        let (changes, members) = try await ReleaseDiffer(from: from, to: to).collect()
        let staging = directory.deletingLastPathComponent().appendingPathComponent(".\(directory.lastPathComponent).partial-\(UUID().uuidString.prefix(8))")
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            var summary = DeltaSummary(directory: directory, files: [], warnings: [])
            let naming = try PackageNaming(to)
            let removed = changes.values.reduce(0) { $0 + $1.filter { $0.kind == .removed }.count }
            if removed > 0 {
                summary.warnings.append(
                    "\(removed) rows of \(from.info.name) are missing from \(to.info.name); RF2 cannot delete rows, so FROM + this delta keeps them")
            }
            for table in ComponentTable.all {
                let rows = (changes[table.component] ?? []).filter { $0.kind != .removed }
                summary.files += try writeComponents(table, rows: rows, naming: naming, staging: staging)
            }
            let memberRows = ((changes[.owlAxioms] ?? []) + (changes[.refsetMembers] ?? [])).filter { $0.kind != .removed }
            summary.files += try writeMembers(memberRows, members: members, naming: naming, staging: staging)
            if fileManager.fileExists(atPath: directory.path) { try fileManager.removeItem(at: directory) }
            try fileManager.moveItem(at: staging, to: directory)
            return summary
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    /// One file per component type; descriptions and text definitions get one file per language code.
    private func writeComponents(_ table: ComponentTable, rows: [ComponentChange], naming: PackageNaming, staging: URL) throws -> [(path: String, rows: Int)] {
        let content: String
        let perLanguage: Bool
        switch table.component {
        case .concepts: (content, perLanguage) = ("Concept", false)
        case .descriptions: (content, perLanguage) = ("Description", true)
        case .textDefinitions: (content, perLanguage) = ("TextDefinition", true)
        case .inferredRelationships: (content, perLanguage) = ("Relationship", false)
        case .statedRelationships: (content, perLanguage) = ("StatedRelationship", false)
        default: (content, perLanguage) = ("RelationshipConcreteValues", false)
        }
        // Column 4 of a description row is its language code.
        let groups = Dictionary(grouping: rows) { perLanguage && $0.values.count > 4 ? $0.values[4].description : "" }
        let languages = perLanguage ? (groups.isEmpty ? [naming.language] : groups.keys.sorted()) : [""]
        return try languages.map { language in
            let name = RF2FileName.component(
                content, .delta, language: perLanguage ? language : nil, country: naming.country, namespace: naming.namespace,
                effectiveTime: naming.date)
            let path = "Delta/Terminology/\(name.fileName)"
            let writer = try makeWriter(staging, path, columns: ["id"] + table.rf2Names)
            for change in (groups[language] ?? []).sorted(by: { (Int64($0.id) ?? 0) < (Int64($1.id) ?? 0) }) {
                writer.field(change.id)
                for value in change.values { writer.field(value.description) }
                writer.endRow()
            }
            try writer.close()
            return (path, writer.rowCount)
        }
    }

    private func writeMembers(_ rows: [ComponentChange], members: MemberComparison, naming: PackageNaming, staging: URL) throws -> [(path: String, rows: Int)] {
        let patterns = try refsetPatterns()
        var byFile: [String: (columns: [String], rows: [ComponentChange])] = [:]
        for change in rows {
            let refset = change.refsetId ?? 0
            let fields = members.fields[refset] ?? []
            let pattern = patterns[refset] ?? String(repeating: "c", count: fields.count)
            let (name, folder, fileType) = Self.fileKind(fields: fields, pattern: pattern)
            let language = name == "Language" ? try languageCode(of: change) : nil
            let fileName = RF2FileName.refset(
                pattern: pattern, name: name, .delta, language: language, country: naming.country, namespace: naming.namespace,
                effectiveTime: naming.date, fileType: fileType)
            let path = "Delta/\(folder)/\(fileName.fileName)"
            byFile[path, default: (["id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId"] + fields, [])].rows.append(change)
        }
        return try byFile.keys.sorted().map { path in
            let file = byFile[path]!
            let writer = try makeWriter(staging, path, columns: file.columns)
            for change in file.rows.sorted(by: { ($0.refsetId ?? 0, $0.id) < ($1.refsetId ?? 0, $1.id) }) {
                writer.field(change.id)
                for index in 0..<(file.columns.count - 1) {
                    writer.field(index < change.values.count ? change.values[index].description : "")
                }
                writer.endRow()
            }
            try writer.close()
            return (path, writer.rowCount)
        }
    }

    private func makeWriter(_ staging: URL, _ path: String, columns: [String]) throws -> RF2Writer {
        let url = staging.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return try RF2Writer(url: url, columns: columns)
    }

    /// The file name part, folder and file type for a refset from its additional fields.
    static func fileKind(fields: [String], pattern: String) -> (name: String, folder: String, fileType: String) {
        switch fields.first {
        case nil: ("Simple", "Refset/Content", "der")
        case "owlExpression": ("OWLExpression", "Terminology", "sct")
        case "acceptabilityId": ("Language", "Refset/Language", "der")
        case "targetComponentId": ("Association", "Refset/Content", "der")
        case "valueId": ("AttributeValue", "Refset/Content", "der")
        case "mapTarget": ("SimpleMap", "Refset/Map", "der")
        case "mapGroup": (fields.contains("mapCategoryId") ? "ExtendedMap" : "ComplexMap", "Refset/Map", "der")
        case "sourceEffectiveTime": ("ModuleDependency", "Refset/Metadata", "der")
        case "attributeDescription": ("RefsetDescriptor", "Refset/Metadata", "der")
        case "descriptionFormat": ("DescriptionType", "Refset/Metadata", "der")
        default: ("Content", "Refset/Content", "der")
        }
    }

    private func refsetPatterns() throws -> [Int64: String] {
        var patterns: [Int64: String] = [:]
        for store in [from, to] {
            try store.read { db in
                for row in try Row.fetchAll(
                    db,
                    sql:
                        "SELECT refset_id, group_concat(type, '') FROM (SELECT refset_id, type FROM refset_field ORDER BY refset_id, position) GROUP BY refset_id"
                ) {
                    patterns[row[0]] = row[1]
                }
            }
        }
        return patterns
    }

    private func languageCode(of change: ComponentChange) throws -> String {
        let description = change.values.count > 4 ? change.values[4].integer ?? 0 : 0
        return try (to.description(description) ?? from.description(description))?.languageCode ?? "en"
    }
}

/// Country/namespace, date and language of TO's package, for the delta's file names.
struct PackageNaming {
    var country: String
    var namespace: Int?
    var date: String
    var language: String

    init(_ store: ReleaseStore) throws {
        let countryNamespace = store.info.packages.last?.countryNamespace ?? "INT"
        let letters = countryNamespace.prefix { $0.isLetter }
        country = letters.isEmpty ? "INT" : String(letters)
        namespace = Int(countryNamespace.dropFirst(letters.count))
        date = String(store.info.effectiveTime)
        language =
            try store.read { db in
                try String.fetchOne(db, sql: "SELECT language_code FROM description GROUP BY language_code ORDER BY count(*) DESC LIMIT 1")
            } ?? "en"
    }
}
