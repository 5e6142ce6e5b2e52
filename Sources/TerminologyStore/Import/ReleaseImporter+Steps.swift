import Foundation
import GRDB
import RF2

/// The steps of ``ReleaseImporter/importRelease(from:options:)`` after the files are chosen.
extension ReleaseImporter {
    /// What loading and deriving produced.
    struct Built {
        var dependency: StoreFinisher.Dependencies
        var closureRows: Int
        /// Module dependency warnings first, then refset and reference warnings.
        var warnings: [String]
        var counts: [ComponentCount]
        var parserBlocked: Double
        var writerIdle: Double
    }

    /// The release's name, version URI, version date and final file.
    struct Identity {
        var name: String
        var versionURI: String
        /// `--version-date`, else the date the module dependencies give; also the release's effective time.
        var versionDate: Int
        /// `--edition-module`, else the edition the module dependencies give.
        var editionModule: Int64
        var url: URL
    }

    /// Loads the files (one transaction), then checks module dependencies and derives indexes, closure,
    /// preferred terms, search index and counts (a second transaction).
    static func loadAndDerive(
        _ builder: StoreBuilder, _ selection: ImportSelection, window: TimeWindow, onBase: Bool, options: ImportOptions, clock: StageClock
    ) throws -> Built {
        try builder.build { db in
            if !onBase { try ReleaseSchema.createTables(db) }
            let merging = selection.merge || onBase
            if merging { try ReleaseSchema.createMergeIndexes(db) }
            options.progress?("loading \(selection.files.count) files from \(selection.packageCount) package(s)")
            let loader = BulkLoader(
                merge: merging, window: window, knownConcepts: onBase ? Set(try Int64.fetchAll(db, sql: "SELECT id FROM concept")) : [],
                knownDescriptions: onBase ? Set(try Int64.fetchAll(db, sql: "SELECT id FROM description")) : [], progress: options.progress)
            var loaded: [BulkLoader.FileResult] = []
            try db.inTransaction {
                loaded = try loader.load(selection.files, into: db)
                return .commit
            }
            if merging { try ReleaseSchema.dropMergeIndexes(db) }
            clock.lap("load")
            try recordSourceFiles(db, loaded, selection)
            var built: Built?
            try db.inTransaction {
                built = try derive(db, StoreFinisher(db: db, loaded: loaded, progress: options.progress), loader: loader, options: options, clock: clock)
                return .commit
            }
            return built!
        }
    }

    private static func recordSourceFiles(_ db: Database, _ loaded: [BulkLoader.FileResult], _ selection: ImportSelection) throws {
        let key = { (file: RF2File) in file.displayPath + "|" + file.location.description }
        let packageOf = Dictionary(selection.files.map { (key($0.file), $0.package) }, uniquingKeysWith: { first, _ in first })
        for result in loaded {
            try db.execute(
                sql: "INSERT INTO source_file(path, package_position, kind, rows) VALUES(?,?,?,?)",
                arguments: [result.file.displayPath, packageOf[key(result.file)] ?? 0, result.file.name.contentType + result.file.name.summary, result.rows])
        }
    }

    private static func derive(_ db: Database, _ finisher: StoreFinisher, loader: BulkLoader, options: ImportOptions, clock: StageClock) throws -> Built {
        let dependency = try finisher.checkModuleDependencies()
        clock.lap("module dependencies")
        try ReleaseSchema.createIndexes(db)
        clock.lap("indexes")
        try ReleaseSchema.createDerivedTables(db)
        options.progress?("computing the IS-A closure")
        let closureRows = try ClosureBuilder.build(db)
        clock.lap("closure")
        options.progress?("computing preferred terms")
        try finisher.recordRefsetFields()
        try finisher.buildConceptTerms()
        clock.lap("preferred terms")
        options.progress?("building the search index")
        try SearchIndexBuilder.build(db)
        clock.lap("search index")
        let warnings = dependency.warnings + (try finisher.refsetWarnings()) + loader.warnings()
        let counts = try finisher.recordCounts()
        clock.lap("counts")
        return Built(
            dependency: dependency, closureRows: closureRows, warnings: warnings, counts: counts, parserBlocked: loader.balance.parserBlocked,
            writerIdle: loader.balance.writerIdle)
    }

    /// The name (given, or the newest package's country and the version date) and version URI (`xsct` when
    /// unpublished).
    func identify(_ built: Built, packages: [RF2Package], options: ImportOptions) throws -> Identity {
        let newest = packages.max { $0.effectiveTime < $1.effectiveTime }!
        let countryCode = String(newest.countryNamespace.prefix { $0.isLetter })
        let date = options.versionDate ?? built.dependency.effectiveTime
        let name = options.name ?? "\(countryCode.isEmpty ? "REL" : countryCode)-\(date)"
        try ReleaseCatalog.checkName(name)
        try checkFree(name, options: options)
        let edition = options.editionModule ?? built.dependency.editionModule
        guard built.dependency.modules.contains(edition) else {
            let modules = built.dependency.modules.map(String.init).joined(separator: ", ")
            throw StoreError(.invalidOptions, "edition module \(edition) is not a module of the packages (their modules: \(modules))")
        }
        let versionURI = ReleaseReference.versionURI(edition: edition, date: date, published: !options.unpublished)
        return Identity(name: name, versionURI: versionURI, versionDate: date, editionModule: edition, url: catalog.storeURL(name: name))
    }

    /// Packages, warnings and release metadata, then statistics for the query planner.
    static func writeMetadata(_ builder: StoreBuilder, _ identity: Identity, _ built: Built, _ selection: ImportSelection, options: ImportOptions) throws {
        try builder.build { db in
            try db.inTransaction {
                try recordPackages(db, selection, onBase: options.base != nil)
                try db.execute(sql: "DELETE FROM import_warning")
                for (position, warning) in built.warnings.enumerated() {
                    try db.execute(sql: "INSERT INTO import_warning VALUES(?, ?)", arguments: [position, warning])
                }
                for (key, value) in releaseInfo(identity, built, selection, options: options) {
                    try db.execute(sql: "INSERT OR REPLACE INTO release_info VALUES(?, ?)", arguments: [key, value])
                }
                return .commit
            }
            try db.execute(sql: "PRAGMA analysis_limit = 2000")
            try db.execute(sql: "ANALYZE")
        }
    }

    private static func recordPackages(_ db: Database, _ selection: ImportSelection, onBase: Bool) throws {
        if !onBase { try db.execute(sql: "DELETE FROM package") }
        let offset = try Int.fetchOne(db, sql: "SELECT count(*) FROM package") ?? 0
        for (position, package) in selection.packages.enumerated() {
            let type = selection.releaseTypes[position]
            try db.execute(
                sql: "INSERT INTO package VALUES(?,?,?,?,?,?,?,?)",
                arguments: [
                    offset + position, package.name, package.url.path, package.effectiveTime, package.countryNamespace, type.rawValue,
                    package.files(type).count, package.info?.rawJSON,
                ])
        }
    }

    private static func releaseInfo(_ identity: Identity, _ built: Built, _ selection: ImportSelection, options: ImportOptions) -> [(String, String)] {
        let source: String
        if let base = options.base {
            source = selection.releaseTypes.contains(.full) ? "full rows after \(base)" : "delta on \(base)"
        } else if let asOf = options.asOf {
            source = "full as of \(asOf)"
        } else {
            source = selection.releaseTypes.contains(.full) ? "full (latest rows)" : "snapshot"
        }
        return [
            ("schema_version", String(ReleaseSchema.version)),
            ("name", identity.name),
            ("version_uri", identity.versionURI),
            ("published", String(!options.unpublished)),
            ("effective_time", String(identity.versionDate)),
            ("edition_module", String(identity.editionModule)),
            ("modules", built.dependency.modules.map(String.init).joined(separator: ",")),
            ("source", source),
            ("closure_rows", String(built.closureRows)),
            ("load_parser_blocked_seconds", String(format: "%.2f", built.parserBlocked)),
            ("load_writer_idle_seconds", String(format: "%.2f", built.writerIdle)),
            ("imported_at", ISO8601DateFormatter().string(from: Date())),
        ]
    }

    /// The stage timings and the total, written last.
    static func recordStages(_ builder: StoreBuilder, _ stages: [(String, Double)], seconds: Double) throws {
        try builder.build { db in
            try db.execute(sql: "DELETE FROM import_stage")
            for (position, entry) in stages.enumerated() {
                try db.execute(sql: "INSERT INTO import_stage VALUES(?,?,?)", arguments: [position, entry.0, entry.1])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO release_info VALUES('import_seconds', ?)", arguments: [String(format: "%.2f", seconds)])
        }
    }
}
