import GRDB
import RF2

/// Rule `mdrs`: the module dependency refset covers every module used, and every dependency it declares is
/// satisfied by the validated packages.
///
/// An extension validated alone therefore fails with a precise message naming the package it needs, which
/// is the most common mistake when publishing or importing extensions.
struct ModuleDependencyCheck {
    /// Each module id used by any row, with the staged file index and line of its first use.
    let modulesUsed: [Int64: (file: Int, line: Int)]

    func run(_ context: inout CheckContext) throws {
        struct Dependency {
            let file: Int, line: Int, effectiveTime: Int?, active: Bool, source: Int64?, target: Int64?
            let sourceTime: Int?, targetTime: Int?
        }
        var rows: [Dependency] = []
        try context.forEach(
            """
            SELECT file, line, et, active, module, target, source_time, target_time FROM c_mdrs ORDER BY file, line
            """
        ) { row in
            rows.append(
                Dependency(
                    file: row[0], line: row[1], effectiveTime: row[2], active: (row[3] as Int?) == 1, source: row[4], target: row[5],
                    sourceTime: row[6], targetTime: row[7]))
        }
        let active = rows.filter(\.active)
        let covered = Set(active.compactMap(\.source) + active.compactMap(\.target))
        var versions: [Int64: Int] = [:]
        for row in active {
            if let source = row.source, let time = row.sourceTime { versions[source] = max(versions[source] ?? 0, time) }
        }

        for (module, first) in modulesUsed.sorted(by: { ($0.value.file, $0.value.line) < ($1.value.file, $1.value.line) }) where !covered.contains(module) {
            context.report(
                .warning, .mdrs, file: first.file, line: first.line, column: "moduleId", value: String(module),
                "module \(module) is used but has no row in the module dependency refset")
        }

        for row in active {
            guard let source = row.source, let target = row.target else { continue }
            let wanted = row.targetTime.map(String.init) ?? "?"
            if modulesUsed[target] == nil {
                context.report(
                    .error, .mdrs, file: row.file, line: row.line, column: "referencedComponentId", value: String(target),
                    "module \(source) depends on module \(target) version \(wanted), but no validated package contains that module: validate this package together with the packages it depends on"
                )
            } else if let have = versions[target], let need = row.targetTime, have != need {
                context.report(
                    .warning, .mdrs, file: row.file, line: row.line, column: "targetEffectiveTime", value: String(need),
                    "module \(source) was built against module \(target) version \(need), but the validated packages hold version \(have)")
            }
            if let time = row.effectiveTime, let sourceTime = row.sourceTime, time != sourceTime {
                context.report(
                    .error, .mdrs, file: row.file, line: row.line, column: "sourceEffectiveTime", value: String(sourceTime),
                    "sourceEffectiveTime differs from the row's effectiveTime \(time)")
            }
            if let sourceTime = row.sourceTime, let targetTime = row.targetTime, sourceTime < targetTime {
                context.report(
                    .error, .mdrs, file: row.file, line: row.line, column: "targetEffectiveTime", value: String(targetTime),
                    "targetEffectiveTime is later than sourceEffectiveTime \(sourceTime): a module cannot depend on a future version")
            }
        }
    }
}
