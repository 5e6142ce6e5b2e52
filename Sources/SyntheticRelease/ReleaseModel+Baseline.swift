import Foundation
import RF2

/// Generation of the first release: metadata, content hierarchies, descriptions, relationships,
/// axioms, inactivation history, maps and refsets.
extension ReleaseModel {
    static let en: Int64 = 0, no: Int64 = 1

    /// Adds one concept's FSN and PT (US+GB preferred) from fixed text, used for metadata concepts.
    func addNamedDescriptions(concept: Int64, module: Int64, date: Int64, term: String, tag: String, dialects: [Int64]) {
        let fsn = addDescription(
            concept: concept, module: module, date: date, active: true, language: Self.en,
            type: WellKnown.fullySpecifiedName, term: Array("\(term) (\(tag))".utf8),
            caseSignificance: WellKnown.initialCharacterCaseInsensitive)
        let pt = addDescription(
            concept: concept, module: module, date: date, active: true, language: Self.en,
            type: WellKnown.synonym, term: Array(term.utf8),
            caseSignificance: WellKnown.initialCharacterCaseInsensitive)
        for refset in dialects {
            addLanguage(description: fsn, refset: refset, acceptability: WellKnown.preferred, active: true, module: module, date: date)
            addLanguage(description: pt, refset: refset, acceptability: WellKnown.preferred, active: true, module: module, date: date)
        }
    }

    /// Writes metadata concepts (root, top levels, model component tree) in `module`.
    func addMetadata(_ list: [MetadataConcept], module fixedModule: Int64?, date: Int64, dialects: [Int64]) {
        let norway = fixedModule == WellKnown.norwayModule
        for m in list {
            let id = m.id ?? mintConcept(norway: norway)
            meta[m.key] = id
            metadataIds.insert(id)
        }
        for m in list {
            let id = meta[m.key]!
            let top = Hierarchy.all.firstIndex { $0.id == id }
            let module = fixedModule ?? (top != nil || id == WellKnown.root || m.key == "ageAtOnset" ? WellKnown.coreModule : WellKnown.modelModule)
            let parents = m.parents.map { meta[$0]! }
            let parentRow = parents.first.map { conceptRow[$0]! } ?? -1
            let d = parentRow >= 0 ? depth[Int(parentRow)] + 1 : 0
            let row = addConcept(
                id: id, module: module, active: true, defined: false, date: date,
                hierarchy: top.map(UInt8.init) ?? 255, tag: 0, depth: d, parent: parentRow)
            if top != nil { topRow.append(row) }
            addNamedDescriptions(concept: id, module: module, date: date, term: m.term, tag: m.tag, dialects: dialects)
            for parent in parents {
                addRelationship(source: id, destination: parent, group: 0, type: WellKnown.isA, active: true, module: module, date: date)
                activeChildren[Int(conceptRow[parent]!)] += 1
            }
            guard let parent = parents.first else { continue }
            let text: String
            if parent == WellKnown.conceptModelObjectAttribute && id != WellKnown.isA {
                text = "SubObjectPropertyOf(:\(id) :\(parent))"
            } else if parent == WellKnown.conceptModelDataAttribute {
                text = "SubDataPropertyOf(:\(id) :\(parent))"
            } else {
                text = String(decoding: Self.axiom(concept: id, defined: false, parents: parents, attributes: [], concrete: []), as: UTF8.self)
            }
            addMember(&owl, refset: WellKnown.owlAxiomRefset, referenced: id, module: module, date: date, text: [Array(text.utf8)[...]])
        }
    }

    /// Generates the International content of the first release.
    ///
    /// Every random draw happens in a fixed order (metadata, the IS-A skeleton, then each concept's content),
    /// so that one seed gives byte-identical output.
    func generateInternational(date: Int64, rng: inout SplitMix64, progress: (String) -> Void) {
        let n = profile.conceptCount
        reserveInternationalTables()
        addMetadata(MetadataConcept.international, module: nil, date: date, dialects: [WellKnown.usEnglish, WellKnown.gbEnglish])
        addOntologyHeader(date: date)

        let firstContent = concepts.count
        contentStart = firstContent
        let extraParents = addSkeleton(date: date, rng: &rng, progress: progress)

        var term: [UInt8] = []
        for row in firstContent..<concepts.count {
            if (row - firstContent) % 100_000 == 0 && row > firstContent { progress("content \(row - firstContent)/\(n)") }
            addContent(row: row, firstContent: firstContent, extraParents: extraParents, date: date, rng: &rng, term: &term)
        }
    }

    /// Sizes the largest tables for the profile's concept count up front, so they are not regrown.
    private func reserveInternationalTables() {
        let n = profile.conceptCount
        descriptions.current = RowTable(.description, reserve: Int(Double(n) * 3.3))
        language.current = RowTable(language.schema, reserve: Int(Double(n) * 6.4))
        inferred.current = RowTable(.inferred, reserve: Int(Double(n) * 6.9))
        stated.current = RowTable(.stated, reserve: Int(Double(n) * 2.0))
        attributeValue.current = RowTable(attributeValue.schema, reserve: Int(Double(n) * 1.45))
        simpleMap.current = RowTable(simpleMap.schema, reserve: Int(Double(n) * 1.1))
        owl.current = RowTable(owl.schema, reserve: Int(Double(n) * 0.8))
    }

    /// Ontology header rows of the OWL ontology refset.
    private func addOntologyHeader(date: Int64) {
        for prefix in [
            "Prefix(:=<http://snomed.info/id/>)", "Prefix(owl:=<http://www.w3.org/2002/07/owl#>)",
            "Prefix(rdf:=<http://www.w3.org/1999/02/22-rdf-syntax-ns#>)", "Prefix(rdfs:=<http://www.w3.org/2000/01/rdf-schema#>)",
            "Prefix(xml:=<http://www.w3.org/XML/1998/namespace>)", "Prefix(xsd:=<http://www.w3.org/2001/XMLSchema#>)",
        ] {
            addMember(
                &owl, refset: WellKnown.owlOntologyRefset, referenced: 734146004, module: WellKnown.modelModule, date: date,
                text: [Array(prefix.utf8)[...]])
        }
        addMember(
            &owl, refset: WellKnown.owlOntologyRefset, referenced: 734147008, module: WellKnown.modelModule, date: date,
            text: [Array("Ontology(<http://snomed.info/sct/900000000000207008>)".utf8)[...]])
    }

    /// Pass 1: the IS-A skeleton, one concept per draw of a hierarchy. Returns the second parent of each
    /// concept given one, by concept row.
    private func addSkeleton(date: Int64, rng: inout SplitMix64, progress: (String) -> Void) -> [Int32: [Int32]] {
        let p = profile
        let n = p.conceptCount
        let weights = Hierarchy.all.map(\.weight)
        var extraParents: [Int32: [Int32]] = [:]
        for i in 0..<n {
            if i % 100_000 == 0 && i > 0 { progress("concepts \(i)/\(n)") }
            let h = rng.weighted(weights)
            let info = Hierarchy.all[h]
            let active = rng.chance(p.activeFraction)
            let candidates = activeContent[h]
            let parent = skeletonParent(in: h, candidates: candidates, rng: &rng)
            let shaped = info.shape != .plain
            let defined = active && shaped && info.shape != .bodyStructure && rng.chance(0.35)
            let tag = UInt8(rng.below(info.tags.count))
            let row = addConcept(
                id: mintConcept(), module: WellKnown.coreModule, active: active, defined: defined, date: date,
                hierarchy: UInt8(h), tag: tag, depth: depth[Int(parent)] + 1, parent: parent)
            guard active else { continue }
            activeChildren[Int(parent)] += 1
            activeContent[h].append(row)
            if candidates.count > 4 && rng.chance(p.multiParentFraction) {
                let other = candidates[rng.below(candidates.count)]
                if other != parent && other != primaryParent[Int(parent)] && Int(depth[Int(other)]) < p.maxDepth {
                    extraParents[row] = [other]
                    activeChildren[Int(other)] += 1
                    // `depth` is the longest IS-A path, so walking up primary parents always makes it shorter.
                    depth[Int(row)] = max(depth[Int(row)], depth[Int(other)] + 1)
                }
            }
        }
        return extraParents
    }

    /// The primary parent of a new concept in hierarchy `h`: mostly an earlier active concept of the
    /// hierarchy (biased towards the earlier ones), sometimes the top concept;
    /// never deeper than `maxDepth` allows.
    private func skeletonParent(in h: Int, candidates: [Int32], rng: inout SplitMix64) -> Int32 {
        var parent = topRow[h]
        if !candidates.isEmpty && !rng.chance(0.01) {
            parent = candidates[Int(Double(candidates.count) * pow(rng.unit(), 1.25))]
        }
        while Int(depth[Int(parent)]) >= profile.maxDepth { parent = primaryParent[Int(parent)] }
        return parent
    }

    /// Pass 2 for one content concept: descriptions, relationships, axiom, inactivation, maps and refsets.
    private func addContent(
        row: Int, firstContent: Int, extraParents: [Int32: [Int32]], date: Int64, rng: inout SplitMix64, term: inout [UInt8]
    ) {
        let r = Int32(row)
        let id = concepts.current[row, Col.id]
        let active = concepts.current.isActive(row)
        let defined = concepts.current[row, Col.definitionStatus] == WellKnown.fullyDefined
        let h = Int(hierarchy[row])
        let parentRows = [primaryParent[row]] + (extraParents[r] ?? [])
        let parents = parentRows.map { concepts.current[Int($0), Col.id] }
        let liveDescriptions = addTerms(row: row, concept: id, active: active, date: date, rng: &rng, term: &term)
        let model = attributes(for: h, rng: &rng)
        let (attrs, values) = addInferredRelationships(source: id, parents: parents, model: model, active: active, date: date, rng: &rng)
        addHistoricalRelationships(source: id, parents: parents, active: active, firstContent: firstContent, date: date, rng: &rng)
        addStatedRelationships(source: id, parents: parents, attributes: attrs, date: date, rng: &rng)
        // Axiom.
        if active || rng.chance(0.3) {
            let text = Self.axiom(concept: id, defined: defined, parents: parents, attributes: attrs, concrete: values)
            addMember(
                &owl, refset: WellKnown.owlAxiomRefset, referenced: id, module: WellKnown.coreModule, date: date,
                active: active, text: [text[...]])
        }
        if !active {
            _ = addInactivationMembers(
                row: row, activeDescriptions: liveDescriptions, module: WellKnown.coreModule,
                date: date, rng: &rng)
        }
        addMapsAndRefsets(row: row, concept: id, hierarchy: h, active: active, date: date, rng: &rng)
    }

    /// The inferred IS-A, attribute and concrete-value relationships of a concept; returns the attributes
    /// and concrete values, which its axiom repeats.
    private func addInferredRelationships(
        source id: Int64, parents: [Int64], model: AttributeModel, active: Bool, date: Int64, rng: inout SplitMix64
    ) -> (attributes: [(group: Int, type: Int64, destination: Int64)], concrete: [(group: Int, type: Int64, value: String)]) {
        for parent in parents {
            addRelationship(source: id, destination: parent, group: 0, type: WellKnown.isA, active: active, module: WellKnown.coreModule, date: date)
        }
        var attrs: [(group: Int, type: Int64, destination: Int64)] = []
        for a in model.attributes {
            let target = pickActive(in: a.target, rng: &rng)
            attrs.append((a.group, a.type, target))
            addRelationship(source: id, destination: target, group: a.group, type: a.type, active: active, module: WellKnown.coreModule, date: date)
        }
        var values: [(group: Int, type: Int64, value: String)] = []
        for c in model.concrete {
            values.append((c.group, c.type, c.value))
            addConcrete(source: id, value: Array(c.value.utf8), group: c.group, type: c.type, active: active, module: WellKnown.coreModule, date: date)
        }
        return (attrs, values)
    }

    /// Inactive inferred relationships, as a concept's history would leave them, to random content concepts.
    private func addHistoricalRelationships(
        source id: Int64, parents: [Int64], active: Bool, firstContent: Int, date: Int64, rng: inout SplitMix64
    ) {
        let historical = rng.count(mean: active ? profile.inactiveRelationships : 2.0)
        for _ in 0..<historical {
            let type = rng.chance(0.4) ? WellKnown.isA : rng.pick(Attribute.object)
            var other = concepts.current[firstContent + rng.below(concepts.count - firstContent), Col.id]
            if other == id { other = parents[0] }
            addRelationship(
                source: id, destination: other, group: type == WellKnown.isA ? 0 : rng.below(3), type: type,
                active: false, module: WellKnown.coreModule, date: date)
        }
    }

    /// Inactive stated relationships (the stated form lives in the OWL axiom): the parents first, then the
    /// attributes in turn.
    private func addStatedRelationships(
        source id: Int64, parents: [Int64], attributes attrs: [(group: Int, type: Int64, destination: Int64)], date: Int64, rng: inout SplitMix64
    ) {
        let statedCount = rng.count(mean: profile.statedRelationships)
        for k in 0..<statedCount {
            let target = k < parents.count ? parents[k] : (attrs.isEmpty ? parents[0] : attrs[k % attrs.count].destination)
            let type = k < parents.count || attrs.isEmpty ? WellKnown.isA : attrs[k % attrs.count].type
            addRelationship(
                stated: true, source: id, destination: target, group: type == WellKnown.isA ? 0 : 1, type: type,
                active: false, module: WellKnown.coreModule, date: date)
        }
    }

    /// Map members (CTV3, ICD-O, ICD-10), lateralizable body structures and text definitions of one concept.
    private func addMapsAndRefsets(row: Int, concept id: Int64, hierarchy h: Int, active: Bool, date: Int64, rng: inout SplitMix64) {
        let p = profile
        if rng.chance(p.simpleMapFraction) {
            addMember(
                &simpleMap, refset: meta["ctv3Map"]!, referenced: id, module: WellKnown.coreModule, date: date,
                active: true, text: [Self.ctv3Code(ordinal[row])[...]])
        }
        if h == Hierarchy.bodyStructure {
            if rng.chance(0.12) {
                let code = Array("\(8000 + rng.below(1000))/\(rng.below(4))".utf8)
                addMember(&simpleMap, refset: meta["icdoMap"]!, referenced: id, module: WellKnown.coreModule, date: date, text: [code[...]])
            }
            if active && rng.chance(0.5) {
                let refset = meta["lateralizable"]!
                let member = addMember(&simple, refset: refset, referenced: id, module: WellKnown.coreModule, date: date)
                simpleMembers[refset, default: [:]][id] = member
            }
        }
        if active && Hierarchy.all[h].shape == .finding && rng.chance(p.extendedMapFraction) {
            addICD10Map(concept: id, date: date, rng: &rng)
        }
        if active && rng.chance(p.textDefinitionFraction) {
            addTextDefinition(row: row, concept: id, date: date, module: WellKnown.coreModule)
        }
    }

    /// A member of the target hierarchy to point an attribute at; marks it as referenced.
    func pickActive(in h: Int, rng: inout SplitMix64) -> Int64 {
        let pool = activeContent[h]
        let row = pool.isEmpty ? topRow[h] : pool[rng.below(pool.count)]
        referenced[Int(row)] = true
        return concepts.current[Int(row), Col.id]
    }

    struct AttributeModel {
        var attributes: [(group: Int, type: Int64, target: Int)] = []
        var concrete: [(group: Int, type: Int64, value: String)] = []
    }

    /// Attributes by hierarchy shape: role groups always have at least two members.
    func attributes(for h: Int, rng: inout SplitMix64) -> AttributeModel {
        var m = AttributeModel()
        switch Hierarchy.all[h].shape {
        case .finding:
            let groups = rng.weighted([0.1, 0.7, 0.2])
            for g in 0..<groups {
                m.attributes.append((g + 1, Attribute.findingSite, Hierarchy.bodyStructure))
                m.attributes.append((g + 1, Attribute.associatedMorphology, Hierarchy.bodyStructure))
            }
            if rng.chance(0.3) { m.attributes.append((0, Attribute.causativeAgent, rng.chance(0.5) ? Hierarchy.organism : Hierarchy.substance)) }
        case .procedure:
            let groups = 1 + (rng.chance(0.2) ? 1 : 0)
            for g in 0..<groups {
                m.attributes.append((g + 1, Attribute.method, Hierarchy.qualifier))
                m.attributes.append((g + 1, Attribute.procedureSiteDirect, Hierarchy.bodyStructure))
                if rng.chance(0.2) { m.attributes.append((g + 1, Attribute.directSubstance, Hierarchy.substance)) }
            }
        case .product:
            m.attributes.append((0, Attribute.manufacturedDoseForm, Hierarchy.qualifier))
            m.attributes.append((1, Attribute.activeIngredient, Hierarchy.substance))
            m.attributes.append((1, Attribute.preciseActiveIngredient, Hierarchy.substance))
            if rng.chance(0.55) {
                let strength = [5, 10, 20, 25, 50, 100, 125, 250, 500, 1000][rng.below(10)]
                m.concrete.append((1, Attribute.strengthNumeratorValue, rng.chance(0.2) ? "#\(strength).5" : "#\(strength)"))
                m.concrete.append((0, Attribute.countOfBase, "#1"))
            }
        case .bodyStructure:
            if rng.chance(0.4) { m.attributes.append((0, Attribute.laterality, Hierarchy.qualifier)) }
        case .observable:
            if rng.chance(0.6) {
                m.attributes.append((1, Attribute.property, Hierarchy.qualifier))
                m.attributes.append((1, Attribute.directSite, Hierarchy.bodyStructure))
            } else {
                m.attributes.append((0, Attribute.property, Hierarchy.qualifier))
            }
        case .plain:
            break
        }
        return m
    }

    static func ctv3Code(_ n: Int32) -> [UInt8] {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        var v = Int(n) + 62 * 62 * 62
        var out: [UInt8] = []
        while v > 0 { out.append(alphabet[v % 62]); v /= 62 }
        while out.count < 5 { out.append(46) }
        return Array(out.reversed())
    }

    func addICD10Map(concept: Int64, date: Int64, rng: inout SplitMix64) {
        let module: Int64 = 449080006
        let refset = meta["icd10Map"]!
        let groups = rng.chance(0.35) ? 2 : 1
        for g in 1...groups {
            let code = "\(Character(UnicodeScalar(UInt8(65 + rng.below(26)))))\(10 + rng.below(90)).\(rng.below(10))"
            var rules: [(String, String)] = [("TRUE", "ALWAYS \(code)")]
            if rng.chance(0.45) {
                let young = "\(code.prefix(3)).\(rng.below(10))"
                rules = [
                    (
                        "IFA 445518008 | Age at onset of clinical finding (observable entity) | < 18.0 years",
                        "IF AGE AT ONSET OF CLINICAL FINDING BEFORE 18.0 YEARS CHOOSE \(young)"
                    ),
                    ("OTHERWISE TRUE", "ALWAYS \(code)"),
                ]
            }
            for (priority, rule) in rules.enumerated() {
                let target = rule.1.split(separator: " ").last.map(String.init) ?? code
                addMember(
                    &extendedMap, refset: refset, referenced: concept, module: module, date: date,
                    extra: [Int64(g), Int64(priority + 1), 0, 0, 0, 447561005, 447637006],
                    text: [Array(rule.0.utf8)[...], Array(rule.1.utf8)[...], Array(target.utf8)[...]])
            }
        }
    }

    func addTextDefinition(row: Int, concept: Int64, date: Int64, module: Int64) {
        var text = Array("Any ".utf8)
        text += TermFactory.nouns[Int(ordinal[row]) % TermFactory.nouns.count]
        text += Array(" of the ".utf8)
        TermFactory.uniqueWord(Int(ordinal[row]), into: &text)
        text += Array(" type, characterized by ".utf8)
        text += TermFactory.morphologies[Int(ordinal[row]) % TermFactory.morphologies.count]
        text += Array(" involving the ".utf8)
        text += TermFactory.sites[Int(ordinal[row] / 7) % TermFactory.sites.count]
        text += Array(" and related structures.".utf8)
        let id = addDescription(
            concept: concept, module: module, date: date, active: true, language: Self.en,
            type: WellKnown.definition, term: text, caseSignificance: WellKnown.entireTermCaseSensitive)
        for refset in [WellKnown.usEnglish, WellKnown.gbEnglish] {
            addLanguage(description: id, refset: refset, acceptability: WellKnown.preferred, active: true, module: module, date: date)
        }
    }
}
