import RF2

/// English descriptions and language members of content concepts, and their inactivation members.
extension ReleaseModel {
    /// Adds FSN, PT (with a GB variant where the spelling differs), synonyms and inactive synonyms.
    /// Returns the ids of the concept's active descriptions.
    func addTerms(
        row: Int, concept: Int64, active: Bool, date: Int64, rng: inout SplitMix64, term: inout [UInt8],
        module: Int64 = WellKnown.coreModule, dialects: [Int64] = [WellKnown.usEnglish, WellKnown.gbEnglish],
        retired allowRetired: Bool = true
    ) -> [Int64] {
        let o = Int(ordinal[row])
        let h = Hierarchy.all[Int(hierarchy[row])]
        let q = TermFactory.qualifiers.count
        let qualifier = rng.below(q)
        let core = coreWords(ordinal: o, shape: h.shape, rng: &rng)
        var live: [Int64] = []
        // Preferred term.
        term.removeAll(keepingCapacity: true)
        if rng.chance(0.55) {
            term += TermFactory.qualifiers[qualifier]
            term.append(32)
            term += core
            lowerFirst(&term, from: TermFactory.qualifiers[qualifier].count + 1)
        } else {
            term += core
        }
        TermFactory.capitalize(&term)
        let pt = term
        var fsn = pt
        fsn += Array(" (\(h.tags[Int(tagIndex[row])]))".utf8)
        let fsnId = addDescription(
            concept: concept, module: module, date: date, active: true, language: Self.en,
            type: WellKnown.fullySpecifiedName, term: fsn)
        live.append(fsnId)
        for refset in dialects {
            addLanguage(description: fsnId, refset: refset, acceptability: WellKnown.preferred, active: true, module: module, date: date)
        }
        let ptId = addDescription(
            concept: concept, module: module, date: date, active: true, language: Self.en,
            type: WellKnown.synonym, term: pt)
        live.append(ptId)
        if dialects.count == 2, let gb = TermFactory.britishVariant(of: pt) {
            addLanguage(description: ptId, refset: WellKnown.usEnglish, acceptability: WellKnown.preferred, active: true, module: module, date: date)
            let gbId = addDescription(
                concept: concept, module: module, date: date, active: true, language: Self.en,
                type: WellKnown.synonym, term: gb)
            live.append(gbId)
            addLanguage(description: gbId, refset: WellKnown.gbEnglish, acceptability: WellKnown.preferred, active: true, module: module, date: date)
        } else {
            for refset in dialects {
                addLanguage(description: ptId, refset: refset, acceptability: WellKnown.preferred, active: true, module: module, date: date)
            }
        }
        // Acceptable synonyms and inactive (historical) synonyms: qualifier + core, distinct per offset.
        let extra = active ? rng.count(mean: profile.extraSynonyms) : 0
        let retired = allowRetired ? rng.count(mean: profile.inactiveDescriptions) : 0
        for k in 0..<(extra + retired) {
            let isActive = k < extra
            let offset = isActive ? 1 + k : 10 + (k - extra)
            let qualifierWords = TermFactory.qualifiers[(qualifier + offset) % q]
            term.removeAll(keepingCapacity: true)
            term += qualifierWords
            term.append(32)
            term += core
            lowerFirst(&term, from: qualifierWords.count + 1)
            let id = addDescription(
                concept: concept, module: module, date: date, active: isActive, language: Self.en,
                type: WellKnown.synonym, term: term)
            for refset in dialects {
                addLanguage(description: id, refset: refset, acceptability: WellKnown.acceptable, active: isActive, module: module, date: date)
            }
            if isActive {
                live.append(id)
            } else if rng.chance(0.8) {
                let reason = [WellKnown.outdated, WellKnown.erroneous, WellKnown.inappropriate, WellKnown.notSemanticallyEquivalent][rng.below(4)]
                addMember(
                    &attributeValue, refset: WellKnown.descriptionInactivationIndicator, referenced: id, module: module,
                    date: date, extra: [reason])
            }
        }
        return live
    }

    /// The words that name a concept (without qualifier), always containing its invented word.
    func coreWords(ordinal o: Int, shape: Hierarchy.Shape, rng: inout SplitMix64) -> [UInt8] {
        var out: [UInt8] = []
        switch shape {
        case .finding:
            if rng.chance(0.6) { out += TermFactory.sites[rng.below(TermFactory.sites.count)]; out.append(32) }
            TermFactory.uniqueWord(o, into: &out)
            out.append(32)
            out += TermFactory.morphologies[rng.below(TermFactory.morphologies.count)]
            if rng.chance(0.35) { out += Array(" of ".utf8); out += TermFactory.sites[rng.below(TermFactory.sites.count)] }
        case .procedure:
            out += TermFactory.procedures[rng.below(TermFactory.procedures.count)]
            out.append(32)
            TermFactory.uniqueWord(o, into: &out)
            if rng.chance(0.5) { out.append(32); out += TermFactory.sites[rng.below(TermFactory.sites.count)] }
        default:
            if rng.chance(0.4) { out += TermFactory.sites[rng.below(TermFactory.sites.count)]; out.append(32) }
            TermFactory.uniqueWord(o, into: &out)
            let words = 1 + rng.below(3)
            for _ in 0..<words { out.append(32); out += TermFactory.nouns[rng.below(TermFactory.nouns.count)] }
        }
        return out
    }

    /// Lower-cases the ASCII letter at `index` (the start of the core after a qualifier).
    func lowerFirst(_ term: inout [UInt8], from index: Int) {
        if index < term.count, term[index] >= 65, term[index] <= 90, !(term.count > index + 1 && term[index + 1] >= 65 && term[index + 1] <= 90) {
            term[index] += 32
        }
    }

    /// Inactivation indicator, historical associations (per the editorial reason table) and
    /// "concept non-current" indicators for the concept's still-active descriptions.
    func addInactivationMembers(
        row: Int, activeDescriptions: [Int64], module: Int64, date: Int64,
        rng: inout SplitMix64
    ) -> ReleaseChanges.Inactivation {
        let id = concepts.current[row, Col.id]
        let h = Int(hierarchy[row])
        let reasons: [(Int64, Int64?, ClosedRange<Int>, Double)] = [
            (WellKnown.duplicate, WellKnown.sameAs, 1...1, 0.25),
            (WellKnown.outdated, WellKnown.possiblyReplacedBy, 1...2, 0.2),
            (WellKnown.ambiguous, WellKnown.possiblyEquivalentTo, 2...3, 0.15),
            (WellKnown.erroneous, WellKnown.replacedBy, 1...1, 0.1),
            (WellKnown.classificationDerivedComponent, WellKnown.partiallyEquivalentTo, 2...3, 0.1),
            (WellKnown.nonconformanceToEditorialPolicy, WellKnown.alternative, 0...1, 0.1),
            (WellKnown.meaningOfComponentUnknown, nil, 0...0, 0.05),
            (WellKnown.movedElsewhere, nil, 0...0, 0.05),
        ]
        let choice = reasons[rng.weighted(reasons.map(\.3))]
        addMember(
            &attributeValue, refset: WellKnown.conceptInactivationIndicator, referenced: id, module: module, date: date,
            extra: [choice.0])
        var associations: [ReleaseChanges.Association] = []
        if let refset = choice.1 {
            var count = choice.2.lowerBound + rng.below(choice.2.count)
            if choice.0 == WellKnown.outdated && rng.chance(0.4) { count = 0 }
            var used: Set<Int64> = [id]
            var tries = 0
            while associations.count < count && tries < 20 {
                tries += 1
                let target = pickActive(in: h, rng: &rng)
                guard !used.contains(target), Int(hierarchy[Int(conceptRow[target]!)]) == h || activeContent[h].isEmpty else { continue }
                if primaryParent[row] >= 0 && concepts.current[Int(primaryParent[row]), Col.id] == target { continue }
                used.insert(target)
                addMember(&association, refset: refset, referenced: id, module: module, date: date, extra: [target])
                associations.append(.init(refsetId: refset, targetId: target))
            }
        }
        for description in activeDescriptions {
            addMember(
                &attributeValue, refset: WellKnown.descriptionInactivationIndicator, referenced: description,
                module: module, date: date, extra: [WellKnown.conceptNonCurrent])
        }
        return .init(conceptId: id, reasonId: choice.0, associations: associations)
    }
}
