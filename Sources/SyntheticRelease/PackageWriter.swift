import Foundation
import RF2

/// Writes the tables of a `ReleaseModel` as one RF2 package folder (Snapshot and Full).
struct PackageWriter {
    /// Which rows of a table belong to one file.
    struct Filter {
        var modules: [Int64]
        var column: Int? = nil
        var values: [Int64] = []

        @inline(__always)
        func accepts(_ table: RowTable, _ row: Int) -> Bool {
            let module = table.ints[Col.module][row]
            var ok = false
            for m in modules where m == module { ok = true; break }
            guard ok else { return false }
            guard let column else { return true }
            let value = table.ints[column][row]
            for v in values where v == value { return true }
            return false
        }
    }

    let model: ReleaseModel
    let root: URL
    let country: String
    let namespace: Int?
    let date: String
    let modules: [Int64]
    let languages: [String]
    let writeFull: Bool
    /// Prefix file names with `x` (alpha/beta packages).
    let provisional: Bool
    var rowCounts: [String: Int] = [:]

    mutating func writeAll(progress: (String) -> Void) throws {
        let m = model
        try file("Terminology", .component("Concept", .snapshot, country: country, namespace: namespace, effectiveTime: date), m.concepts, nil)
        for language in languages {
            let code = Int64(TableSchema.languageCodes.firstIndex(of: language)!)
            try file(
                "Terminology", .component("Description", .snapshot, language: language, country: country, namespace: namespace, effectiveTime: date),
                m.descriptions, (Col.language, [code]))
            if language == "en" {
                try file(
                    "Terminology", .component("TextDefinition", .snapshot, language: language, country: country, namespace: namespace, effectiveTime: date),
                    m.textDefinitions, (Col.language, [code]))
            }
        }
        progress("descriptions written")
        try file("Terminology", .component("Relationship", .snapshot, country: country, namespace: namespace, effectiveTime: date), m.inferred, nil)
        try file("Terminology", .component("StatedRelationship", .snapshot, country: country, namespace: namespace, effectiveTime: date), m.stated, nil)
        try file(
            "Terminology", .component("RelationshipConcreteValues", .snapshot, country: country, namespace: namespace, effectiveTime: date), m.concrete, nil)
        try emptyFile("Terminology", .component("Identifier", .snapshot, country: country, namespace: namespace, effectiveTime: date), RF2Columns.identifier)
        try file(
            "Terminology",
            .refset(pattern: "s", name: "OWLExpression", .snapshot, country: country, namespace: namespace, effectiveTime: date, fileType: "sct"), m.owl, nil)
        progress("relationships and axioms written")
        try file("Refset/Content", .refset(pattern: "", name: "Simple", .snapshot, country: country, namespace: namespace, effectiveTime: date), m.simple, nil)
        try file(
            "Refset/Content", .refset(pattern: "c", name: "Association", .snapshot, country: country, namespace: namespace, effectiveTime: date), m.association,
            nil)
        try file(
            "Refset/Content", .refset(pattern: "c", name: "AttributeValue", .snapshot, country: country, namespace: namespace, effectiveTime: date),
            m.attributeValue, nil)
        for language in languages {
            let refsets = language == "en" ? [WellKnown.usEnglish, WellKnown.gbEnglish] : [WellKnown.norwegianBokmal, WellKnown.norwegianNynorsk]
            try file(
                "Refset/Language",
                .refset(pattern: "c", name: "Language", .snapshot, language: language, country: country, namespace: namespace, effectiveTime: date),
                m.language, (Col.refset, refsets))
        }
        progress("language refsets written")
        try file(
            "Refset/Map", .refset(pattern: "s", name: "SimpleMap", .snapshot, country: country, namespace: namespace, effectiveTime: date), m.simpleMap, nil)
        try file(
            "Refset/Map", .refset(pattern: "iissscc", name: "ExtendedMap", .snapshot, country: country, namespace: namespace, effectiveTime: date),
            m.extendedMap, nil)
        try file(
            "Refset/Metadata", .refset(pattern: "cci", name: "RefsetDescriptor", .snapshot, country: country, namespace: namespace, effectiveTime: date),
            m.descriptor, nil)
        try file(
            "Refset/Metadata", .refset(pattern: "ci", name: "DescriptionType", .snapshot, country: country, namespace: namespace, effectiveTime: date),
            m.descriptionType, nil)
        try file(
            "Refset/Metadata", .refset(pattern: "ss", name: "ModuleDependency", .snapshot, country: country, namespace: namespace, effectiveTime: date), m.mdrs,
            nil)
    }

    private func directory(_ type: ReleaseType, _ folder: String) throws -> URL {
        let url = root.appendingPathComponent(type.rawValue).appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private mutating func emptyFile(_ folder: String, _ name: RF2FileName, _ columns: [String]) throws {
        var name = name
        if provisional { name.status = "x" }
        for type in writeFull ? [ReleaseType.snapshot, .full] : [.snapshot] {
            let writer = try RF2Writer(url: try directory(type, folder).appendingPathComponent(name.with(type).fileName), columns: columns)
            try writer.close()
            rowCounts[name.with(type).fileName] = 0
        }
    }

    /// Writes the Snapshot file, then the Full file (history + current; a copy when there is no history).
    private mutating func file(_ folder: String, _ name: RF2FileName, _ table: VersionedTable, _ extra: (Int, [Int64])?) throws {
        var name = name
        if provisional { name.status = "x" }
        let filter = Filter(modules: modules, column: extra?.0, values: extra?.1 ?? [])
        let snapshotURL = try directory(.snapshot, folder).appendingPathComponent(name.fileName)
        rowCounts[name.fileName] = try write(url: snapshotURL, tables: [table.current], filter: filter)
        guard writeFull else { return }
        let fullName = name.with(.full).fileName
        let fullURL = try directory(.full, folder).appendingPathComponent(fullName)
        let historyRows = (0..<table.history.count).contains { filter.accepts(table.history, $0) }
        if historyRows {
            rowCounts[fullName] = try write(url: fullURL, tables: [table.history, table.current], filter: filter)
        } else {
            try? FileManager.default.removeItem(at: fullURL)
            try FileManager.default.copyItem(at: snapshotURL, to: fullURL)
            rowCounts[fullName] = rowCounts[name.fileName]
        }
    }

    private func write(url: URL, tables: [RowTable], filter: Filter) throws -> Int {
        let writer = try RF2Writer(url: url, columns: tables[0].schema.columns)
        let seed = model.seed
        for table in tables {
            let kinds = table.schema.kinds
            for row in 0..<table.count where filter.accepts(table, row) {
                for (c, kind) in kinds.enumerated() {
                    switch kind {
                    case .int: writer.field(table.ints[c][row])
                    case .uuid:
                        let (high, low) = ReleaseModel.uuid(key: table.ints[c][row], seed: seed)
                        writer.uuidField(high: high, low: low)
                    case .string:
                        let column = table.strings[c]
                        let start = Int(column.start[row]), length = Int(column.length[row])
                        column.arena.withUnsafeBufferPointer { all in
                            writer.field(bytes: UnsafeBufferPointer(rebasing: all[start..<(start + length)]))
                        }
                    case .constant(let value): writer.field(value)
                    case .language: writer.field(TableSchema.languageCodes[Int(table.ints[c][row])])
                    }
                }
                writer.endRow()
            }
        }
        try writer.close()
        return writer.rowCount
    }
}
