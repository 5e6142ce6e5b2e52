import Foundation
import GRDB
import RF2
import TerminologyStore

/// What the member comparison found, with the refset metadata later stages need.
struct MemberComparison: Sendable {
    var axioms: [ComponentChange] = []
    var members: [ComponentChange] = []
    var warnings: [String] = []
    var fromTally: [Int64: RefsetTally] = [:]
    var toTally: [Int64: RefsetTally] = [:]
    /// Additional field names per refset (TO's header, else FROM's).
    var fields: [Int64: [String]] = [:]
    var owlRefsets: Set<Int64> = []
    var languageRefsets: Set<Int64> = []
    var associationRefsets: Set<Int64> = []

    /// Totals for the OWL axiom and refset member components: (FROM total, FROM active, TO total, TO active).
    var totals: [ComponentType: (Int, Int, Int, Int)] {
        get throws {
            func sum(_ tally: [Int64: RefsetTally], owl: Bool) -> RefsetTally {
                tally.filter { owlRefsets.contains($0.key) == owl }.values.reduce(into: RefsetTally()) { $0.add($1) }
            }
            let fromOWL = sum(fromTally, owl: true), toOWL = sum(toTally, owl: true)
            let fromOther = sum(fromTally, owl: false), toOther = sum(toTally, owl: false)
            return [
                .owlAxioms: (fromOWL.total, fromOWL.active, toOWL.total, toOWL.active),
                .refsetMembers: (fromOther.total, fromOther.active, toOther.total, toOther.active),
            ]
        }
    }
}

extension ReleaseDiffer {
    /// Fields that carry a member's value rather than identify it; every other additional field is part of
    /// the business key (refsetId + referencedComponentId + key fields).
    static let valueFieldNames: Set<String> = [
        "acceptabilityId", "valueId", "owlExpression", "mapRule", "mapAdvice", "correlationId", "mapCategoryId",
        "sourceEffectiveTime", "targetEffectiveTime", "attributeType", "attributeOrder", "descriptionLength", "descriptionFormat",
    ]

    static let memberColumns = "effective_time, active, module_id, refset_id, referenced_component_id, " + (1...10).map { "a\($0)" }.joined(separator: ", ")
    static let fixedMemberNames = ["effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId"]

    func compareMembers() async throws -> MemberComparison {
        let sql = "SELECT rowid, uuid, \(Self.memberColumns) FROM refset_member"
        async let fromScan = FingerprintScan.runCounting(from, sql: sql, key: .uuid)
        async let toScan = FingerprintScan.runCounting(to, sql: sql, key: .uuid)
        let (fromPrints, fromTally) = try await fromScan
        let (toPrints, toTally) = try await toScan
        var result = MemberComparison(fromTally: fromTally, toTally: toTally)
        let comparison = KeyedComparison(from: fromPrints, to: toPrints)
        try classifyRefsets(&result)

        let fromRows = try memberRows(from, rowids: comparison.onlyFrom.map(\.rowid) + comparison.differing.map(\.from.rowid))
        let toRows = try memberRows(to, rowids: comparison.onlyTo.map(\.rowid) + comparison.differing.map(\.to.rowid))
        let fields = result.fields
        var changes: [ComponentChange] = comparison.differing.map { Self.change(fromRows[$0.from.rowid], toRows[$0.to.rowid], fields: fields) }
        let rekeyed = pairOneSided(
            from: comparison.onlyFrom.compactMap { fromRows[$0.rowid] }, to: comparison.onlyTo.compactMap { toRows[$0.rowid] }, fields: fields,
            into: &changes)
        if rekeyed > 0 {
            result.warnings.append(
                "\(rekeyed) refset members have a new member id but the same business key (refset, referenced component, key fields): reported as changed")
        }
        for change in changes {
            if result.owlRefsets.contains(change.refsetId ?? 0) { result.axioms.append(change) } else { result.members.append(change) }
        }
        return result
    }

    /// The additional fields of every refset in either release, and which refsets hold axioms, language
    /// acceptability or historical associations.
    private func classifyRefsets(_ result: inout MemberComparison) throws {
        let fromFields = try refsetFields(from), toFields = try refsetFields(to)
        result.fields = fromFields.merging(toFields) { _, new in new }
        for (refset, names) in result.fields {
            switch names.first {
            case "owlExpression": result.owlRefsets.insert(refset)
            case "acceptabilityId": result.languageRefsets.insert(refset)
            case "targetComponentId" where names.count == 1: result.associationRefsets.insert(refset)
            default: break
            }
        }
        result.associationRefsets.formUnion(WellKnown.historicalAssociationRefsets)
    }

    /// The change between two versions of a member (nil: absent on that side), fields named by its refset.
    private static func change(_ old: MemberRow?, _ new: MemberRow?, fields: [Int64: [String]]) -> ComponentChange {
        let row = new ?? old!
        let refsetFields = fields[row.refset] ?? []
        let names = fixedMemberNames + refsetFields + (refsetFields.count..<10).map { "a\($0 + 1)" }
        let (kind, changed) = RowClassifier.classify(from: old?.values, to: new?.values, names: names)
        var change = ComponentChange(
            id: row.uuid.description, kind: kind, conceptId: row.values[4].integer, refsetId: row.refset, active: row.values[1].integer == 1,
            moduleId: row.values[2].integer ?? 0, effectiveTime: Int(row.values[0].integer ?? 0), fields: changed)
        change.values = row.values
        return change
    }

    /// Members present on one side only, paired by business key before they are called new or removed: a
    /// pair is a change of member id. Returns how many were paired.
    private func pairOneSided(from onlyFrom: [MemberRow], to onlyTo: [MemberRow], fields: [Int64: [String]], into changes: inout [ComponentChange]) -> Int {
        var unmatched: [String: [MemberRow]] = [:]
        for row in onlyFrom {
            unmatched[businessKey(row, fields: fields[row.refset] ?? []), default: []].append(row)
        }
        var rekeyed = 0
        for row in onlyTo {
            let key = businessKey(row, fields: fields[row.refset] ?? [])
            if var candidates = unmatched[key], !candidates.isEmpty {
                let old = candidates.removeFirst()
                unmatched[key] = candidates
                var paired = Self.change(old, row, fields: fields)
                if paired.fields.isEmpty { paired.kind = .changed }
                paired.fields.insert(FieldChange(name: "id", old: old.uuid.description, new: row.uuid.description), at: 0)
                changes.append(paired)
                rekeyed += 1
            } else {
                changes.append(Self.change(nil, row, fields: fields))
            }
        }
        for rows in unmatched.values {
            for row in rows { changes.append(Self.change(row, nil, fields: fields)) }
        }
        return rekeyed
    }

    private func businessKey(_ row: MemberRow, fields: [String]) -> String {
        var key = "\(row.refset)|\(row.values[4])"
        for (index, name) in fields.enumerated() where !Self.valueFieldNames.contains(name) && 5 + index < row.values.count {
            key += "|\(row.values[5 + index])"
        }
        return key
    }

    private func refsetFields(_ store: ReleaseStore) throws -> [Int64: [String]] {
        try store.read { db in
            var fields: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT refset_id, name FROM refset_field ORDER BY refset_id, position") {
                fields[row[0], default: []].append(row[1])
            }
            return fields
        }
    }

    struct MemberRow: Sendable {
        var uuid: RF2UUID
        /// effectiveTime, active, moduleId, refsetId, referencedComponentId, a1…a10.
        var values: [StoredValue]
        var refset: Int64 { values[3].integer ?? 0 }
    }

    private func memberRows(_ store: ReleaseStore, rowids: [Int64]) throws -> [Int64: MemberRow] {
        guard !rowids.isEmpty else { return [:] }
        return try store.read { db in
            let statement = try db.makeStatement(sql: "SELECT uuid, \(Self.memberColumns) FROM refset_member WHERE rowid = ?")
            var result: [Int64: MemberRow] = [:]
            for rowid in rowids {
                guard let row = try Row.fetchOne(statement, arguments: [rowid]) else { continue }
                let data: Data = row[0]
                var high: UInt64 = 0, low: UInt64 = 0
                for (index, byte) in data.enumerated() {
                    if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
                }
                var values = row.databaseValues.dropFirst().map(StoredValue.init)
                while values.count > 5, values.last == .null { values.removeLast() }
                result[rowid] = MemberRow(uuid: RF2UUID(high: high, low: low), values: Array(values))
            }
            return result
        }
    }

    func refsetDiffs(_ members: MemberComparison, terms: TermDirectory) throws -> [RefsetDiff] {
        var counts: [Int64: ChangeCounts] = [:]
        for change in members.members + members.axioms {
            counts[change.refsetId ?? 0, default: ChangeCounts()].add(change.kind)
        }
        let refsets = Set(members.fromTally.keys).union(members.toTally.keys).sorted()
        return try refsets.map { refset in
            RefsetDiff(
                refset: try terms.named(refset), fields: members.fields[refset] ?? [], fromActive: members.fromTally[refset]?.active ?? 0,
                toActive: members.toTally[refset]?.active ?? 0, counts: counts[refset] ?? ChangeCounts())
        }
    }
}
