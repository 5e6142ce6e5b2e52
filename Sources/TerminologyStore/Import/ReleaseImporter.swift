import Foundation
import GRDB
import RF2

/// Builds a release store from one or more packages: load → check → index → closure → terms → metadata →
/// atomic rename. A failure at any point leaves no store behind and existing stores untouched.
public struct ReleaseImporter: Sendable {
    public let catalog: ReleaseCatalog

    public init(catalog: ReleaseCatalog) {
        self.catalog = catalog
    }

    public func importRelease(from paths: [URL], options: ImportOptions = ImportOptions()) throws -> ImportSummary {
        let started = Date()
        guard !paths.isEmpty else { throw StoreError(.invalidOptions, "no package given") }
        if options.asOf != nil, options.base != nil {
            throw StoreError(.invalidOptions, "--as-of (Full) and --base (Delta) cannot be combined")
        }
        if let asOf = options.asOf, !RF2Date.isValid(asOf) {
            throw StoreError(.invalidOptions, "--as-of \(asOf) is not a valid YYYYMMDD date")
        }
        if let name = options.name { try ReleaseCatalog.checkName(name) }
        let packages = try paths.map { try RF2Package.open($0) }
        let baseURL = try options.base.map { try catalog.resolve($0) }

        // Choose the files of each package.
        var selected: [(package: Int, file: RF2File)] = []
        var releaseTypes: [ReleaseType] = []
        for (position, package) in packages.enumerated() {
            let type: ReleaseType
            if baseURL != nil {
                // Delta files when the package has them; otherwise the Full rows newer than the base.
                type = package.files(.delta).isEmpty && !package.files(.full).isEmpty ? .full : .delta
            } else if options.asOf != nil {
                type = .full
            } else if !package.files(.snapshot).isEmpty {
                type = .snapshot
            } else if !package.files(.full).isEmpty {
                type = .full
            } else if !package.files(.delta).isEmpty {
                throw StoreError(.missingFiles, "\(package.name) holds only Delta files: import it with --base RELEASE")
            } else {
                throw StoreError(.missingFiles, "\(package.name) contains no RF2 data files")
            }
            let files = package.files(type)
            guard !files.isEmpty else {
                throw StoreError(.missingFiles, "\(package.name) has no \(type.rawValue) files")
            }
            releaseTypes.append(type)
            selected += files.map { (position, $0) }
        }
        if baseURL == nil, !selected.contains(where: { $0.file.kind == .concept }) {
            throw StoreError(.missingFiles, "no Concept file among the packages: this is not a complete release")
        }
        selected.sort { ($0.file.kind!.readingOrder, $0.package) < ($1.file.kind!.readingOrder, $1.package) }
        let merge = packages.count > 1 || releaseTypes.contains { $0 != .snapshot }

        var baseModules = Set<Int64>()
        var window = TimeWindow(after: nil, asOf: options.asOf)
        if let baseURL {
            let base = try ReleaseStore(path: baseURL.path).info
            baseModules = Set(base.modules)
            if releaseTypes.contains(.full) { window.after = base.effectiveTime }
        }
        try ModuleDependencyPrecheck.check(selected.map(\.file), baseModules: baseModules, window: window)

        try FileManager.default.createDirectory(at: catalog.releasesDirectory, withIntermediateDirectories: true)
        if let name = options.name, !options.replace, FileManager.default.fileExists(atPath: catalog.storeURL(name: name).path) {
            throw StoreError(.releaseExists, "release \(name) already exists (use --replace to rebuild it)")
        }
        let temporary = catalog.releasesDirectory.appendingPathComponent(".import-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).sqlite")
        var renamed = false
        defer { if !renamed { try? FileManager.default.removeItem(at: temporary) } }
        if let baseURL {
            try FileManager.default.copyItem(at: baseURL, to: temporary)
        }

        var stages: [(String, Double)] = []
        var stageStart = Date()
        func stage(_ name: String) {
            stages.append((name, Date().timeIntervalSince(stageStart)))
            stageStart = Date()
        }

        let builder = try StoreBuilder(path: temporary.path, fresh: baseURL == nil)
        var loadBalance = (0.0, 0.0)
        let (dependency, closureRows, warnings, counts) = try builder.build { db in
            if baseURL == nil { try ReleaseSchema.createTables(db) }
            let merging = merge || baseURL != nil
            if merging { try ReleaseSchema.createMergeIndexes(db) }
            options.progress?("loading \(selected.count) files from \(packages.count) package(s)")
            let known = baseURL == nil ? [] : Set(try Int64.fetchAll(db, sql: "SELECT id FROM concept"))
            let knownDescriptions = baseURL == nil ? [] : Set(try Int64.fetchAll(db, sql: "SELECT id FROM description"))
            let loader = BulkLoader(
                merge: merging, window: window, knownConcepts: known, knownDescriptions: knownDescriptions, progress: options.progress)
            var loaded: [BulkLoader.FileResult] = []
            try db.inTransaction {
                loaded = try loader.load(selected.map(\.file), into: db)
                return .commit
            }
            if merging { try ReleaseSchema.dropMergeIndexes(db) }
            stage("load")
            loadBalance = (loader.balance.parserBlocked, loader.balance.writerIdle)
            let packageOf = Dictionary(
                selected.map { ($0.file.displayPath + "|" + $0.file.location.description, $0.package) }, uniquingKeysWith: { first, _ in first })
            for result in loaded {
                try db.execute(
                    sql: "INSERT INTO source_file(path, package_position, kind, rows) VALUES(?,?,?,?)",
                    arguments: [
                        result.file.displayPath, packageOf[result.file.displayPath + "|" + result.file.location.description] ?? 0,
                        result.file.name.contentType + result.file.name.summary, result.rows,
                    ])
            }

            let finisher = StoreFinisher(db: db, loaded: loaded, progress: options.progress)
            var outcome: (StoreFinisher.Dependencies, Int, [String], [ComponentCount])?
            try db.inTransaction {
                let dependency = try finisher.checkModuleDependencies()
                stage("module dependencies")
                try ReleaseSchema.createIndexes(db)
                stage("indexes")
                try ReleaseSchema.createDerivedTables(db)
                options.progress?("computing the IS-A closure")
                let closureRows = try ClosureBuilder.build(db)
                stage("closure")
                options.progress?("computing preferred terms")
                try finisher.recordRefsetFields()
                try finisher.buildConceptTerms()
                stage("preferred terms")
                options.progress?("building the search index")
                try SearchIndexBuilder.build(db)
                stage("search index")
                let warnings = try finisher.refsetWarnings() + loader.referenceWarnings()
                let counts = try finisher.recordCounts()
                stage("counts")
                outcome = (dependency, closureRows, warnings, counts)
                return .commit
            }
            return outcome!
        }

        // Name and metadata.
        let newest = packages.max { $0.effectiveTime < $1.effectiveTime }!
        let countryCode = String(newest.countryNamespace.prefix { $0.isLetter })
        let name = options.name ?? "\(countryCode.isEmpty ? "REL" : countryCode)-\(dependency.effectiveTime)"
        try ReleaseCatalog.checkName(name)
        let finalURL = catalog.storeURL(name: name)
        if !options.replace, FileManager.default.fileExists(atPath: finalURL.path) {
            throw StoreError(.releaseExists, "release \(name) already exists (use --replace to rebuild it)")
        }
        let versionURI = "http://snomed.info/sct/\(dependency.editionModule)/version/\(dependency.effectiveTime)"
        try builder.build { db in
            try db.inTransaction {
                let isDelta = baseURL != nil
                if !isDelta {
                    try db.execute(sql: "DELETE FROM package")
                }
                let offset = try Int.fetchOne(db, sql: "SELECT count(*) FROM package") ?? 0
                for (position, package) in packages.enumerated() {
                    try db.execute(
                        sql: "INSERT INTO package VALUES(?,?,?,?,?,?,?,?)",
                        arguments: [
                            offset + position, package.name, package.url.path, package.effectiveTime, package.countryNamespace,
                            releaseTypes[position].rawValue, package.files(releaseTypes[position]).count, package.info?.rawJSON,
                        ])
                }
                try db.execute(sql: "DELETE FROM import_warning")
                for (position, warning) in (dependency.warnings + warnings).enumerated() {
                    try db.execute(sql: "INSERT INTO import_warning VALUES(?, ?)", arguments: [position, warning])
                }
                let source: String
                if let base = options.base {
                    source = releaseTypes.contains(.full) ? "full rows after \(base)" : "delta on \(base)"
                } else if let asOf = options.asOf {
                    source = "full as of \(asOf)"
                } else {
                    source = releaseTypes.contains(.full) ? "full (latest rows)" : "snapshot"
                }
                let info: [(String, String)] = [
                    ("schema_version", String(ReleaseSchema.version)),
                    ("name", name),
                    ("version_uri", versionURI),
                    ("effective_time", String(dependency.effectiveTime)),
                    ("edition_module", String(dependency.editionModule)),
                    ("modules", dependency.modules.map(String.init).joined(separator: ",")),
                    ("source", source),
                    ("closure_rows", String(closureRows)),
                    ("load_parser_blocked_seconds", String(format: "%.2f", loadBalance.0)),
                    ("load_writer_idle_seconds", String(format: "%.2f", loadBalance.1)),
                    ("imported_at", ISO8601DateFormatter().string(from: Date())),
                ]
                for (key, value) in info {
                    try db.execute(sql: "INSERT OR REPLACE INTO release_info VALUES(?, ?)", arguments: [key, value])
                }
                return .commit
            }
            try db.execute(sql: "PRAGMA analysis_limit = 2000")
            try db.execute(sql: "ANALYZE")
        }
        stage("metadata")
        let seconds = Date().timeIntervalSince(started)
        try builder.build { db in
            try db.execute(sql: "DELETE FROM import_stage")
            for (position, entry) in stages.enumerated() {
                try db.execute(sql: "INSERT INTO import_stage VALUES(?,?,?)", arguments: [position, entry.0, entry.1])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO release_info VALUES('import_seconds', ?)", arguments: [String(format: "%.2f", seconds)])
        }
        try builder.close()
        try StoreBuilder.publish(temporary, as: finalURL)
        renamed = true
        return ImportSummary(
            name: name, versionURI: versionURI, effectiveTime: dependency.effectiveTime, path: finalURL.path, counts: counts,
            closureRows: closureRows, stages: stages, warnings: dependency.warnings + warnings, seconds: seconds)
    }
}
