import RF2

/// The Norwegian extension: module, nb/nn language refsets with Norwegian compound terms,
/// Norway-only concepts in namespace 1000202, local simple refsets and MDRS rows.
extension ReleaseModel {
    static let localRefsetNames = [
        ("Colorectal cancer registry diagnoses reference set", "Kolorektalkreftregisteret diagnoser"),
        ("Emergency department reasons for encounter reference set", "Årsak til henvendelse på legevakt"),
        ("Cardiology procedures reference set", "Hjerteprosedyrer for sykehus"),
        ("Nursing problems reference set", "Sykepleieproblemer"),
        ("Child health clinic findings reference set", "Funn på helsestasjon"),
    ]

    /// A Norwegian term for concept `row`: optional qualifier, a compound word, a link and the invented word.
    func norwegianTerm(row: Int, variant: Int) -> [UInt8] {
        let o = Int(ordinal[row]) &+ variant &* 7919
        var term: [UInt8] = []
        if variant > 0 || o % 3 == 0 {
            term += TermFactory.norwegianQualifiers[o % TermFactory.norwegianQualifiers.count]
            term.append(32)
        }
        term += TermFactory.norwegianFirst[(o / 3) % TermFactory.norwegianFirst.count]
        term += TermFactory.norwegianLast[(o / 5) % TermFactory.norwegianLast.count]
        term.append(32)
        term += TermFactory.norwegianLinks[o % TermFactory.norwegianLinks.count]
        term.append(32)
        TermFactory.uniqueWord(Int(ordinal[row]), into: &term, norwegian: true)
        TermFactory.capitalize(&term)
        return term
    }

    /// Adds a Bokmål PT (and sometimes an acceptable synonym and a Nynorsk PT) to concept `row`.
    @discardableResult
    func addTranslation(row: Int, date: Int64, rng: inout SplitMix64, nynorsk: Double) -> [Int64] {
        let concept = concepts.current[row, Col.id]
        let module = WellKnown.norwayModule
        var ids: [Int64] = []
        let pt = addDescription(
            concept: concept, module: module, date: date, active: true, language: Self.no,
            type: WellKnown.synonym, term: norwegianTerm(row: row, variant: 0))
        addLanguage(description: pt, refset: WellKnown.norwegianBokmal, acceptability: WellKnown.preferred, active: true, module: module, date: date)
        ids.append(pt)
        if rng.chance(0.3) {
            let synonym = addDescription(
                concept: concept, module: module, date: date, active: true, language: Self.no,
                type: WellKnown.synonym, term: norwegianTerm(row: row, variant: 1))
            addLanguage(description: synonym, refset: WellKnown.norwegianBokmal, acceptability: WellKnown.acceptable, active: true, module: module, date: date)
            ids.append(synonym)
        }
        if rng.chance(nynorsk) {
            let nn = addDescription(
                concept: concept, module: module, date: date, active: true, language: Self.no,
                type: WellKnown.synonym, term: norwegianTerm(row: row, variant: 2))
            addLanguage(description: nn, refset: WellKnown.norwegianNynorsk, acceptability: WellKnown.preferred, active: true, module: module, date: date)
            ids.append(nn)
        }
        referenced[row] = true
        translated.insert(Int32(row))
        return ids
    }

    /// Adds one Norway-only concept under an active International concept; returns its row.
    @discardableResult
    func addNorwegianConcept(hierarchy h: Int, date: Int64, rng: inout SplitMix64) -> Int {
        let module = WellKnown.norwayModule
        let pool = activeContent[h]
        let parentRow = pool.isEmpty ? topRow[h] : pool[rng.below(pool.count)]
        referenced[Int(parentRow)] = true
        let parent = concepts.current[Int(parentRow), Col.id]
        let id = mintConcept(norway: true)
        let row = Int(
            addConcept(
                id: id, module: module, active: true, defined: false, date: date, hierarchy: UInt8(h),
                tag: 0, depth: depth[Int(parentRow)] + 1, parent: parentRow))
        activeChildren[Int(parentRow)] += 1
        referenced[row] = true
        var term: [UInt8] = []
        _ = addTerms(
            row: row, concept: id, active: true, date: date, rng: &rng, term: &term, module: module,
            dialects: [WellKnown.usEnglish], retired: false)
        addTranslation(row: row, date: date, rng: &rng, nynorsk: 0.3)
        addRelationship(source: id, destination: parent, group: 0, type: WellKnown.isA, active: true, module: module, date: date)
        let text = Self.axiom(concept: id, defined: false, parents: [parent], attributes: [], concrete: [])
        addMember(&owl, refset: WellKnown.owlAxiomRefset, referenced: id, module: module, date: date, text: [text[...]])
        return row
    }

    /// Generates the Norwegian extension of the first release, dated `date`, depending on `baseDate`.
    func generateNorway(options: NorwayOptions, date: Int64, baseDate: Int64, rng: inout SplitMix64) {
        let module = WellKnown.norwayModule
        addMetadata(MetadataConcept.norway, module: module, date: date, dialects: [WellKnown.usEnglish])
        for row in [WellKnown.norwegianBokmal, WellKnown.norwegianNynorsk].map({ Int(conceptRow[$0]!) }) {
            addTranslation(row: row, date: date, rng: &rng, nynorsk: 0)
        }
        // Translations of active International content.
        for h in 0..<Hierarchy.all.count {
            for row in activeContent[h] where rng.chance(options.bokmalFraction) {
                addTranslation(row: Int(row), date: date, rng: &rng, nynorsk: options.nynorskFraction)
            }
        }
        // Norway-only concepts.
        let local = max(4, Int(Double(profile.conceptCount) * options.localConceptFraction))
        for _ in 0..<local {
            addNorwegianConcept(hierarchy: rng.chance(0.7) ? 0 : 1, date: date, rng: &rng)
        }
        // Local simple refsets.
        for k in 0..<min(options.localRefsets, Self.localRefsetNames.count) {
            let (english, norwegian) = Self.localRefsetNames[k]
            let id = mintConcept(norway: true)
            let parentRow = conceptRow[WellKnown.simpleType]!
            let row = Int(
                addConcept(
                    id: id, module: module, active: true, defined: false, date: date, hierarchy: 255, tag: 0,
                    depth: depth[Int(parentRow)] + 1, parent: parentRow))
            meta["noRefset\(k)"] = id
            metadataIds.insert(id)
            addNamedDescriptions(concept: id, module: module, date: date, term: english, tag: MetadataConcept.meta, dialects: [WellKnown.usEnglish])
            let nb = addDescription(
                concept: id, module: module, date: date, active: true, language: Self.no, type: WellKnown.synonym,
                term: Array(norwegian.utf8), caseSignificance: WellKnown.initialCharacterCaseInsensitive)
            addLanguage(description: nb, refset: WellKnown.norwegianBokmal, acceptability: WellKnown.preferred, active: true, module: module, date: date)
            addRelationship(source: id, destination: WellKnown.simpleType, group: 0, type: WellKnown.isA, active: true, module: module, date: date)
            let text = Self.axiom(concept: id, defined: false, parents: [WellKnown.simpleType], attributes: [], concrete: [])
            addMember(&owl, refset: WellKnown.owlAxiomRefset, referenced: id, module: module, date: date, text: [text[...]])
            referenced[row] = true
            let pool = activeContent[k % 2 == 0 ? 0 : 1]
            var chosen: Set<Int64> = []
            for _ in 0..<min(options.refsetMembers, pool.count) {
                let memberRow = Int(pool[rng.below(pool.count)])
                let ref = concepts.current[memberRow, Col.id]
                guard chosen.insert(ref).inserted else { continue }
                referenced[memberRow] = true
                let member = addMember(&simple, refset: id, referenced: ref, module: module, date: date)
                simpleMembers[id, default: [:]][ref] = member
            }
            addDescriptor(refset: id, kind: "", module: module, date: date)
        }
        addDescriptor(refset: WellKnown.norwegianBokmal, kind: "c-lang", module: module, date: date)
        addDescriptor(refset: WellKnown.norwegianNynorsk, kind: "c-lang", module: module, date: date)
        addDependency(source: module, target: WellKnown.coreModule, date: date, targetDate: baseDate)
        addDependency(source: module, target: WellKnown.modelModule, date: date, targetDate: baseDate)
    }
}
