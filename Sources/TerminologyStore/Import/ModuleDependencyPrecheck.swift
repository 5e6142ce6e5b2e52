import RF2

/// Checks, before anything is loaded, that every module the packages depend on (module dependency refset)
/// is provided by one of them or by the base release. Importing an extension without its edition is the
/// commonest mistake, and this names it instead of failing later on the first dangling reference.
enum ModuleDependencyPrecheck {
    static func check(_ files: [ImportSelection.Entry], baseModules: Set<Int64>, window: TimeWindow) throws {
        var present = baseModules
        var dependencies: [(source: Int64, target: Int64, version: String)] = []
        for entry in files {
            // An empty effectiveTime is content of this release, dated as the loader dates it.
            let file = entry.file
            switch file.kind {
            case .concept:
                try RF2RowReader(file: file).read(header: { _ in }) { row in
                    if let time = try? (row.optionalDate(1) ?? entry.releaseDate), !window.contains(time) { return }
                    present.insert(try row.sctid(3, kind: .concept))
                }
            case .refset(let pattern) where pattern == "ss":
                try RF2RowReader(file: file).read(header: { _ in }) { row in
                    guard try row.sctid(4) == WellKnown.moduleDependency, try row.bool(2) else { return }
                    guard window.contains(try row.optionalDate(1) ?? entry.releaseDate) else { return }
                    let source = try row.sctid(3, kind: .concept)
                    present.insert(source)
                    dependencies.append((source, try row.sctid(5, kind: .concept), try row.string(7)))
                }
            default:
                continue
            }
        }
        var missing: [Int64: Set<String>] = [:]
        for dependency in dependencies where !present.contains(dependency.target) {
            missing[dependency.source, default: []].insert("\(dependency.target) (version \(dependency.version))")
        }
        guard !missing.isEmpty else { return }
        let details = missing.keys.sorted().map { "module \($0) depends on \(missing[$0]!.sorted().joined(separator: ", "))" }
        throw StoreError(
            .missingDependency,
            "\(details.joined(separator: "; ")), which no imported package provides (module dependency refset): import the packages that contain them together with this one"
        )
    }
}
