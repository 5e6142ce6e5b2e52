import GRDB
import RF2

extension ReleaseStore {
    public func concept(_ id: Int64) throws -> Concept? {
        try read { db in try concept(db, id) }
    }

    func concept(_ db: Database, _ id: Int64) throws -> Concept? {
        try Row.fetchOne(
            try db.cachedStatement(sql: "SELECT id, effective_time, active, module_id, definition_status_id FROM concept WHERE id = ?"), arguments: [id]
        )
        .map { Concept(id: $0[0], effectiveTime: $0[1], active: $0[2], moduleId: $0[3], definitionStatusId: $0[4]) }
    }

    /// One description or text definition by id, without its language memberships.
    public func description(_ id: Int64) throws -> Description? {
        try read { db in try description(db, id) }
    }

    func description(_ db: Database, _ id: Int64) throws -> Description? {
        try Row.fetchOne(
            try db.cachedStatement(
                sql:
                    "SELECT id, effective_time, active, module_id, concept_id, language_code, type_id, term, case_significance_id FROM description WHERE id = ?"
            ),
            arguments: [id]
        ).map {
            Description(
                id: $0[0], effectiveTime: $0[1], active: $0[2], moduleId: $0[3], conceptId: $0[4], languageCode: $0[5],
                typeId: $0[6], term: $0[7], caseSignificanceId: $0[8], acceptability: [])
        }
    }

    /// Active language refset memberships of a description: (refset, acceptability).
    public func acceptability(of descriptionId: Int64) throws -> [Acceptability] {
        try read { db in try acceptability(db, of: descriptionId) }
    }

    func acceptability(_ db: Database, of descriptionId: Int64) throws -> [Acceptability] {
        let refsets = try Self.languageRefsetIds(db)
        guard !refsets.isEmpty else { return [] }
        return try Row.fetchAll(
            try db.cachedStatement(
                sql: """
                    SELECT refset_id, a1 FROM refset_member WHERE referenced_component_id = ? AND active = 1
                    AND refset_id IN (\(refsets.map(String.init).joined(separator: ","))) ORDER BY refset_id
                    """), arguments: [descriptionId]
        ).map { Acceptability(refsetId: $0[0], acceptabilityId: $0[1]) }
    }

    /// Descriptions and text definitions of a concept, each with its active language refset memberships.
    public func descriptions(of conceptId: Int64, includeInactive: Bool = true) throws -> [Description] {
        try read { db in try descriptions(db, of: conceptId, includeInactive: includeInactive) }
    }

    func descriptions(_ db: Database, of conceptId: Int64, includeInactive: Bool) throws -> [Description] {
        var descriptions = try Row.fetchAll(
            try db.cachedStatement(
                sql: """
                    SELECT id, effective_time, active, module_id, concept_id, language_code, type_id, term, case_significance_id
                    FROM description WHERE concept_id = ? \(includeInactive ? "" : "AND active = 1") ORDER BY active DESC, type_id, id
                    """), arguments: [conceptId]
        ).map {
            Description(
                id: $0[0], effectiveTime: $0[1], active: $0[2], moduleId: $0[3], conceptId: $0[4], languageCode: $0[5],
                typeId: $0[6], term: $0[7], caseSignificanceId: $0[8], acceptability: [])
        }
        let languageRefsets = try Self.languageRefsetIds(db)
        guard !languageRefsets.isEmpty, !descriptions.isEmpty else { return descriptions }
        // One query for every description's memberships (the ids go in as a JSON array).
        var acceptability: [Int64: [Acceptability]] = [:]
        let rows = try Row.fetchCursor(
            try db.cachedStatement(
                sql: """
                    SELECT referenced_component_id, refset_id, a1 FROM refset_member
                    WHERE referenced_component_id IN (SELECT value FROM json_each(?)) AND active = 1
                    AND refset_id IN (\(languageRefsets.map(String.init).joined(separator: ","))) ORDER BY referenced_component_id, refset_id
                    """), arguments: [Self.jsonArray(descriptions.map(\.id))])
        while let row = try rows.next() {
            acceptability[row[0], default: []].append(Acceptability(refsetId: row[1], acceptabilityId: row[2]))
        }
        for index in descriptions.indices {
            descriptions[index].acceptability = acceptability[descriptions[index].id] ?? []
        }
        return descriptions
    }

    /// Refsets whose first additional field is `acceptabilityId`: the language refsets of this release.
    public func languageRefsets() throws -> [Int64] {
        try read { db in try Self.languageRefsetIds(db) }
    }

    static func languageRefsetIds(_ db: Database) throws -> [Int64] {
        try Int64.fetchAll(try db.cachedStatement(sql: "SELECT refset_id FROM refset_field WHERE position = 1 AND name = 'acceptabilityId' ORDER BY refset_id"))
    }

    /// The preferred synonym for each concept, by the first refset in `preference` that has one; falls back to
    /// US English, then any language refset, then the FSN.
    public func preferredTerms(for ids: [Int64], preference: LanguagePreference = .default) throws -> [Int64: String] {
        try terms(for: ids, typeId: WellKnown.synonym, preference: preference)
    }

    public func preferredTerm(_ id: Int64, preference: LanguagePreference = .default) throws -> String? {
        try preferredTerms(for: [id], preference: preference)[id]
    }

    /// The preferred fully specified name for each concept.
    public func fullySpecifiedNames(for ids: [Int64], preference: LanguagePreference = .default) throws -> [Int64: String] {
        try terms(for: ids, typeId: WellKnown.fullySpecifiedName, preference: preference)
    }

    private func terms(for ids: [Int64], typeId: Int64, preference: LanguagePreference) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in try terms(db, for: ids, typeId: typeId, preference: preference) }
    }

    func terms(_ db: Database, for ids: [Int64], typeId: Int64, preference: LanguagePreference) throws -> [Int64: String] {
        try terms(db, for: ids, typeId: typeId, preference: preference, fullySpecifiedNameOf: nil).terms
    }

    /// The terms of `typeId` for `ids`, and from the same rows the fully specified name of one of them
    /// (concept detail needs both; one query instead of two).
    func terms(
        _ db: Database, for ids: [Int64], typeId: Int64, preference: LanguagePreference, fullySpecifiedNameOf named: Int64?
    ) throws -> (terms: [Int64: String], fullySpecifiedName: String?) {
        guard !ids.isEmpty else { return ([:], nil) }
        let order = preference.refsetIds + [WellKnown.usEnglish, WellKnown.gbEnglish]
        // Every candidate term of every concept in one query (the ids go in as a JSON array).
        var candidates: [Int64: [(refsetId: Int64, term: String, typeId: Int64)]] = [:]
        let rows = try Row.fetchCursor(
            try db.cachedStatement(
                sql:
                    "SELECT concept_id, refset_id, term, type_id FROM concept_term WHERE concept_id IN (SELECT value FROM json_each(?)) ORDER BY concept_id, refset_id, type_id"
            ),
            arguments: [Self.jsonArray(ids)])
        while let row = try rows.next() {
            candidates[row[0], default: []].append((row[1], row[2], row[3]))
        }
        /// The term of `type` by language preference, then of the other type, then any description of `type`.
        func choose(_ id: Int64, _ type: Int64) throws -> String? {
            let rows = candidates[id] ?? []
            func pick(_ type: Int64) -> String? {
                let ofType = rows.filter { $0.typeId == type }
                for refset in order {
                    if let row = ofType.first(where: { $0.refsetId == refset }) { return row.term }
                }
                return ofType.first?.term
            }
            if let term = pick(type) ?? pick(type == WellKnown.synonym ? WellKnown.fullySpecifiedName : WellKnown.synonym) { return term }
            return try String.fetchOne(
                try db.cachedStatement(sql: "SELECT term FROM description WHERE concept_id = ? AND type_id = ? ORDER BY active DESC, id LIMIT 1"),
                arguments: [id, type])
        }
        var result: [Int64: String] = [:]
        for id in Set(ids) {
            result[id] = try choose(id, typeId)
        }
        return (result, try named.flatMap { try choose($0, WellKnown.fullySpecifiedName) })
    }

    /// `[1,2,3]`: a list of ids as one statement argument, for `IN (SELECT value FROM json_each(?))`.
    static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
