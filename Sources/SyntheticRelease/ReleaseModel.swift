import RF2

/// The whole synthetic release in memory: every RF2 table (current rows + history) and the concept
/// facts the generator needs to make consistent changes.
final class ReleaseModel {
    let seed: UInt64
    let profile: GenerationProfile

    var concepts = VersionedTable(.concept)
    var descriptions = VersionedTable(.description)
    var textDefinitions = VersionedTable(.description)
    var inferred = VersionedTable(.inferred)
    var stated = VersionedTable(.stated)
    var concrete = VersionedTable(.concrete)
    var owl = VersionedTable(.refset(RF2Columns.owlExpressionRefset, pattern: "s"))
    var language = VersionedTable(.refset(RF2Columns.languageRefset, pattern: "c"))
    var association = VersionedTable(.refset(RF2Columns.associationRefset, pattern: "c"))
    var attributeValue = VersionedTable(.refset(RF2Columns.attributeValueRefset, pattern: "c"))
    var simple = VersionedTable(.refset(RF2Columns.simpleRefset, pattern: ""))
    var simpleMap = VersionedTable(.refset(RF2Columns.simpleMapRefset, pattern: "s"))
    var extendedMap = VersionedTable(.refset(RF2Columns.extendedMapRefset, pattern: "iissscc"))
    var mdrs = VersionedTable(.refset(RF2Columns.moduleDependencyRefset, pattern: "ss"))
    var descriptor = VersionedTable(.refset(RF2Columns.refsetDescriptorRefset, pattern: "cci"))
    var descriptionType = VersionedTable(.refset(RF2Columns.descriptionTypeRefset, pattern: "ci"))

    // Per concept row.
    var hierarchy: [UInt8] = []  // index into Hierarchy.all; 255 for metadata
    var tagIndex: [UInt8] = []
    var ordinal: [Int32] = []
    /// Longest IS-A path from the root (kept ≤ maxDepth when choosing parents).
    var depth: [UInt8] = []
    var referenced: [Bool] = []
    var activeChildren: [Int32] = []
    var primaryParent: [Int32] = []
    var conceptRow: [Int64: Int32] = [:]
    /// Active content concept rows per hierarchy, in creation order (parents before children).
    var activeContent: [[Int32]] = Array(repeating: [], count: Hierarchy.all.count)
    /// Row of each top-level concept.
    var topRow: [Int32] = []
    /// Metadata ids by key.
    var meta: [String: Int64] = [:]
    var metadataIds: Set<Int64> = []
    /// Simple-refset memberships (refsetId → referenced component → member row) of active members.
    var simpleMembers: [Int64: [Int64: Int]] = [:]
    /// Concept rows with a Norwegian translation.
    var translated: Set<Int32> = []
    /// First content (non-metadata) concept row.
    var contentStart = 0

    private var conceptItem: Int64 = 200_000
    private var descriptionItem: Int64 = 1_000_000
    private var relationshipItem: Int64 = 1_000_000
    private var norwayConceptItem: Int64 = 1_000
    private var norwayDescriptionItem: Int64 = 10_000
    private var norwayRelationshipItem: Int64 = 10_000
    private(set) var memberKey: UInt64 = 0
    var nextOrdinal: Int32 = 0

    init(seed: UInt64, profile: GenerationProfile) {
        self.seed = seed
        self.profile = profile
    }

    // MARK: Ids

    func mintConcept(norway: Bool = false) -> Int64 {
        while true {
            let id: Int64
            if norway {
                norwayConceptItem += 1
                id = SCTID.make(item: norwayConceptItem, namespace: WellKnown.norwayNamespace, partition: .extensionConcept)
            } else {
                conceptItem += 1
                id = SCTID.make(item: conceptItem, partition: .concept)
            }
            if !metadataIds.contains(id) && conceptRow[id] == nil { return id }
        }
    }

    func mintDescription(norway: Bool = false) -> Int64 {
        if norway {
            norwayDescriptionItem += 1
            return SCTID.make(item: norwayDescriptionItem, namespace: WellKnown.norwayNamespace, partition: .extensionDescription)
        }
        descriptionItem += 1
        return SCTID.make(item: descriptionItem, partition: .description)
    }

    func mintRelationship(norway: Bool = false) -> Int64 {
        if norway {
            norwayRelationshipItem += 1
            return SCTID.make(item: norwayRelationshipItem, namespace: WellKnown.norwayNamespace, partition: .extensionRelationship)
        }
        relationshipItem += 1
        return SCTID.make(item: relationshipItem, partition: .relationship)
    }

    func mintMemberKey() -> Int64 {
        memberKey += 1
        return Int64(bitPattern: memberKey)
    }

    /// The v4-style UUID (as two halves) of member key `key`: a bijection of the key mixed with the seed.
    static func uuid(key: Int64, seed: UInt64) -> (UInt64, UInt64) {
        let k = UInt64(bitPattern: key)
        var high = SplitMix64.mix(k ^ SplitMix64.mix(seed))
        var low = SplitMix64.mix(k &+ SplitMix64.mix(seed ^ 0xA5A5_A5A5_A5A5_A5A5))
        high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return (high, low)
    }

    static func uuidString(key: Int64, seed: UInt64) -> String {
        let (high, low) = uuid(key: key, seed: seed)
        func hex(_ v: UInt64, _ digits: Int) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: digits - s.count) + s
        }
        let h = hex(high, 16), l = hex(low, 16)
        return "\(h.prefix(8))-\(h.dropFirst(8).prefix(4))-\(h.suffix(4))-\(l.prefix(4))-\(l.suffix(12))"
    }

    // MARK: Rows

    @discardableResult
    func addConcept(
        id: Int64, module: Int64, active: Bool, defined: Bool, date: Int64, hierarchy h: UInt8, tag: UInt8,
        depth d: UInt8, parent: Int32
    ) -> Int32 {
        let row = Int32(concepts.append([id, date, active ? 1 : 0, module, defined ? WellKnown.fullyDefined : WellKnown.primitive]))
        hierarchy.append(h)
        tagIndex.append(tag)
        ordinal.append(nextOrdinal)
        nextOrdinal += 1
        depth.append(d)
        referenced.append(false)
        activeChildren.append(0)
        primaryParent.append(parent)
        conceptRow[id] = row
        return row
    }

    @discardableResult
    func addDescription(
        concept: Int64, module: Int64, date: Int64, active: Bool, language lang: Int64, type: Int64,
        term: [UInt8], caseSignificance: Int64 = WellKnown.entireTermCaseInsensitive
    ) -> Int64 {
        let id = mintDescription(norway: module == WellKnown.norwayModule)
        let values: [Int64] = [id, date, active ? 1 : 0, module, concept, lang, type, 0, caseSignificance]
        if type == WellKnown.definition {
            textDefinitions.append(values, text: [term[...]])
        } else {
            descriptions.append(values, text: [term[...]])
        }
        return id
    }

    func addLanguage(description: Int64, refset: Int64, acceptability: Int64, active: Bool, module: Int64, date: Int64) {
        language.append([mintMemberKey(), date, active ? 1 : 0, module, refset, description, acceptability])
    }

    @discardableResult
    func addRelationship(
        stated isStated: Bool = false, source: Int64, destination: Int64, group: Int, type: Int64,
        active: Bool, module: Int64, date: Int64
    ) -> Int {
        let values: [Int64] = [
            mintRelationship(norway: module == WellKnown.norwayModule), date, active ? 1 : 0, module,
            source, destination, Int64(group), type,
        ]
        if isStated {
            return stated.append(values + [0, 0])
        }
        return inferred.append(values + [0, 0])
    }

    func addConcrete(source: Int64, value: [UInt8], group: Int, type: Int64, active: Bool, module: Int64, date: Int64) {
        concrete.append(
            [
                mintRelationship(norway: module == WellKnown.norwayModule), date, active ? 1 : 0, module, source,
                0, Int64(group), type, 0, 0,
            ], text: [value[...]])
    }

    @discardableResult
    func addMember(
        _ table: inout VersionedTable, refset: Int64, referenced ref: Int64, module: Int64, date: Int64,
        active: Bool = true, extra: [Int64] = [], text: [ArraySlice<UInt8>] = []
    ) -> Int {
        table.append([mintMemberKey(), date, active ? 1 : 0, module, refset, ref] + extra, text: text)
    }

    // MARK: Axioms

    /// OWL functional syntax for a concept's definition: SubClassOf or EquivalentClasses.
    static func axiom(
        concept: Int64, defined: Bool, parents: [Int64], attributes: [(group: Int, type: Int64, destination: Int64)],
        concrete: [(group: Int, type: Int64, value: String)]
    ) -> [UInt8] {
        var terms: [String] = parents.map { ":\($0)" }
        func some(_ type: Int64, _ destination: Int64) -> String { "ObjectSomeValuesFrom(:\(type) :\(destination))" }
        func data(_ type: Int64, _ value: String) -> String {
            let number = value.dropFirst()
            return "DataHasValue(:\(type) \"\(number)\"^^xsd:\(number.contains(".") ? "decimal" : "integer"))"
        }
        for a in attributes where a.group == 0 { terms.append(some(a.type, a.destination)) }
        for c in concrete where c.group == 0 { terms.append(data(c.type, c.value)) }
        let groups = Set(attributes.map(\.group) + concrete.map(\.group)).filter { $0 != 0 }.sorted()
        for g in groups {
            let inner =
                attributes.filter { $0.group == g }.map { some($0.type, $0.destination) }
                + concrete.filter { $0.group == g }.map { data($0.type, $0.value) }
            let body = inner.count == 1 ? inner[0] : "ObjectIntersectionOf(\(inner.joined(separator: " ")))"
            terms.append("ObjectSomeValuesFrom(:\(Attribute.roleGroup) \(body))")
        }
        let expression = terms.count == 1 ? terms[0] : "ObjectIntersectionOf(\(terms.joined(separator: " ")))"
        let text = defined ? "EquivalentClasses(:\(concept) \(expression))" : "SubClassOf(:\(concept) \(expression))"
        return Array(text.utf8)
    }
}
