import GRDB
import RF2
import TerminologyStore

extension ViewBuilder {
    /// FSN and preferred-term changes per language refset, from the two stores' `concept_term` tables
    /// (fingerprinted like components, so only differing rows are read).
    func termChanges(skipping concepts: Set<Int64>) async throws -> [TermChange] {
        let sql = "SELECT concept_id, refset_id, type_id, term FROM concept_term"
        let (fromStore, toStore) = (from, to)
        async let fromScan = FingerprintScan.run(fromStore, sql: sql, key: .conceptTerm)
        async let toScan = FingerprintScan.run(toStore, sql: sql, key: .conceptTerm)
        let comparison = KeyedComparison(from: try await fromScan, to: try await toScan)
        var result: [TermChange] = []
        let keys =
            comparison.onlyFrom.map { ($0, false, true) } + comparison.onlyTo.map { ($0, true, false) }
            + comparison.differing.map { ($0.to, true, true) }
        for (print, inTo, inFrom) in keys {
            let conceptId = Int64(bitPattern: print.key1 >> 1)
            let refset = Int64(bitPattern: print.key2)
            let type: TermChange.TermType = print.key1 & 1 == 1 ? .fsn : .preferredTerm
            guard !concepts.contains(conceptId) else { continue }
            // A term that appears or disappears matters only for a concept that exists, active, on both sides.
            if !(inTo && inFrom) {
                guard try from.concept(conceptId) != nil, try to.concept(conceptId)?.active == true else { continue }
            }
            let typeId = type == .fsn ? WellKnown.fullySpecifiedName : WellKnown.synonym
            let old = inFrom ? try term(from, conceptId, refset, typeId) : nil
            let new = inTo ? try term(to, conceptId, refset, typeId) : nil
            result.append(
                TermChange(
                    conceptId: conceptId, languageRefset: try terms.named(refset), type: type, old: old?.term, new: new?.term,
                    oldDescriptionId: old?.id, newDescriptionId: new?.id))
        }
        return result
    }

    private func term(_ store: ReleaseStore, _ conceptId: Int64, _ refset: Int64, _ typeId: Int64) throws -> (id: Int64, term: String)? {
        try store.read { db in
            try Row.fetchOne(
                db, sql: "SELECT description_id, term FROM concept_term WHERE concept_id = ? AND refset_id = ? AND type_id = ?",
                arguments: [conceptId, refset, typeId]
            ).map { (id: $0[0] as Int64, term: $0[1] as String) }
        }
    }
}
