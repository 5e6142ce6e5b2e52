import RF2

/// Which columns of a checked row go into which staging table, so cross-file rules can run as SQL.
///
/// Only what the cross-file rules need is staged (ids, activity, references, location), never terms: an
/// International release then fits in a few hundred megabytes of temporary database.
struct StagingPlan: Sendable, Hashable {
    enum Table: String, Sendable, Hashable, CaseIterable {
        case concept, description, relationship, concrete, member, mdrs

        /// Column names after the common `file, line` (the staged file index gives the package too).
        /// Module ids are tracked while scanning instead, which keeps the tables narrow and inserts fast.
        var columns: [String] {
            switch self {
            case .concept: ["id", "et", "active"]
            case .description: ["id", "et", "active", "concept_id", "type_id", "is_def"]
            case .relationship: ["id", "et", "active", "source_id", "destination_id", "type_id", "stated"]
            case .concrete: ["id", "et", "active", "source_id", "type_id"]
            case .member: ["uhi", "ulo", "et", "active", "refset_id", "rcid", "kind", "c1"]
            case .mdrs: ["uhi", "ulo", "et", "active", "module", "target", "source_time", "target_time"]
            }
        }

        var allColumns: [String] { ["file", "line"] + columns }
    }

    /// Where a staged value comes from.
    enum Source: Sendable, Hashable {
        case file
        case line
        /// The parsed field at this index (for a UUID field: its high 64 bits).
        case field(Int)
        /// The low 64 bits of the UUID in field 0.
        case uuidLow
        case constant(Int64)
    }

    /// Kinds of refset member the cross-file rules treat specially.
    enum MemberKind: Int64, Sendable {
        case other = 0
        case language = 1
        case association = 2
        case moduleDependency = 3
    }

    let table: Table
    let sources: [Source]

    /// Plans for a file, from its kind and header; empty for files no cross-file rule reads.
    static func plans(for kind: RF2FileKind, header: [String]) -> [StagingPlan] {
        let common: [Source] = [.file, .line]
        switch kind {
        case .concept:
            return [StagingPlan(table: .concept, sources: common + [.field(0), .field(1), .field(2)])]
        case .description, .textDefinition:
            let isDefinition: Int64 = kind == .textDefinition ? 1 : 0
            return [
                StagingPlan(
                    table: .description,
                    sources: common + [.field(0), .field(1), .field(2), .field(4), .field(6), .constant(isDefinition)])
            ]
        case .relationship, .statedRelationship:
            let stated: Int64 = kind == .statedRelationship ? 1 : 0
            return [
                StagingPlan(
                    table: .relationship,
                    sources: common + [.field(0), .field(1), .field(2), .field(4), .field(5), .field(7), .constant(stated)])
            ]
        case .concreteValues:
            return [StagingPlan(table: .concrete, sources: common + [.field(0), .field(1), .field(2), .field(4), .field(7)])]
        case .identifier:
            return []
        case .refset(let pattern):
            let memberKind = self.memberKind(pattern: pattern, header: header)
            let c1: Source = pattern.first == "c" ? .field(6) : .constant(ValidationValues.null)
            var plans = [
                StagingPlan(
                    table: .member,
                    sources: common + [.field(0), .uuidLow, .field(1), .field(2), .field(4), .field(5), .constant(memberKind.rawValue), c1])
            ]
            if memberKind == .moduleDependency {
                plans.append(
                    StagingPlan(
                        table: .mdrs,
                        sources: common + [.field(0), .uuidLow, .field(1), .field(2), .field(3), .field(5), .field(6), .field(7)]))
            }
            return plans
        }
    }

    /// Language, association and module dependency refsets are recognised by their additional column names,
    /// which RF2 fixes, rather than by file names, which vary between producers.
    static func memberKind(pattern: String, header: [String]) -> MemberKind {
        let extra = header.dropFirst(RF2Columns.refsetBase.count).map { $0.lowercased() }
        switch (pattern, extra.first) {
        case ("c", "acceptabilityid"): return .language
        case ("c", "targetcomponentid"): return .association
        case ("ss", "sourceeffectivetime") where extra.last == "targeteffectivetime": return .moduleDependency
        default: return .other
        }
    }
}

/// Sentinels shared by the checking and staging code.
enum ValidationValues {
    /// A field that could not be parsed; staged as SQL NULL.
    static let null = Int64.min
}
