import GRDB
import RF2
import TerminologyStore

/// The request's filters and dialect preference, resolved once per search to bit masks and id sets so that
/// each candidate row is checked with integer operations.
struct RowFilter: Sendable {
    /// Row flags that exclude a row (inactive concept / description, unwanted type).
    var excludedFlags: Int64 = 0
    var excludeSynonyms = false
    /// Rows are stored active-first: with both inactive kinds excluded, the first inactive row ends a phase.
    var stopAtInactive: Bool
    var conceptIds: [Int64]?
    var refsetIds: [Int64]
    var tagIds: Set<Int64>?
    /// The bit of each requested language refset, in preference order (refsets the store lacks are skipped).
    var preferenceBits: [Int64]

    init(request: SearchRequest, languageBits: [Int64: Int64], tagIds: [String: Int64]) throws {
        if !request.includeInactiveConcepts { excludedFlags |= SearchIndexBuilder.Flag.conceptInactive }
        if !request.includeInactiveDescriptions { excludedFlags |= SearchIndexBuilder.Flag.descriptionInactive }
        stopAtInactive = !request.includeInactiveConcepts && !request.includeInactiveDescriptions
        if !request.descriptionKinds.contains(.fullySpecifiedName) { excludedFlags |= SearchIndexBuilder.Flag.fullySpecifiedName }
        excludeSynonyms = !request.descriptionKinds.contains(.synonym)
        conceptIds = request.conceptIds
        refsetIds = request.refsetIds
        self.tagIds = request.semanticTags.isEmpty ? nil : Set(request.semanticTags.compactMap { tagIds[$0.lowercased()] ?? tagIds[$0] })
        preferenceBits = request.preference.refsetIds.compactMap { languageBits[$0] }
    }

    /// Checks the cheap row-level filters; refset membership is checked per concept by the collector.
    func accepts(flags: Int64, tag: Int64, conceptId: Int64) -> Bool {
        if flags & excludedFlags != 0 { return false }
        if excludeSynonyms, flags & SearchIndexBuilder.Flag.fullySpecifiedName == 0 { return false }
        if let tagIds, !tagIds.contains(tag) { return false }
        if let conceptIds, !conceptIds.containsSorted(conceptId) { return false }
        return true
    }

    func dialectClass(flags: Int64, preferred: Int64, acceptable: Int64) -> Int {
        let count = preferenceBits.count
        if flags & SearchIndexBuilder.Flag.fullySpecifiedName != 0 { return count + 1 }
        for (position, bit) in preferenceBits.enumerated() where preferred & bit != 0 { return position }
        if preferenceBits.contains(where: { acceptable & $0 != 0 }) { return count }
        return preferred != 0 ? count + 2 : count + 3
    }
}

extension Array where Element == Int64 {
    /// Binary search in an ascending array.
    func containsSorted(_ value: Int64) -> Bool {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value
    }
}
