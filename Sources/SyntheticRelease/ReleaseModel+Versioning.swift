import RF2

/// Realistic changes between consecutive releases, each recorded exactly in a `ReleaseChanges`.
extension ReleaseModel {
    private func isCandidate(_ row: Int, _ used: Set<Int32>) -> Bool {
        row >= contentStart && concepts.current.isActive(row) && concepts.current[row, Col.module] == WellKnown.coreModule
            && hierarchy[row] != 255 && !used.contains(Int32(row))
    }

    /// Picks up to `count` rows satisfying `accept`, drawing from the active content pools.
    private func pick(_ count: Int, _ rng: inout SplitMix64, used: inout Set<Int32>, _ accept: (Int) -> Bool) -> [Int] {
        var result: [Int] = []
        let weights = Hierarchy.all.map(\.weight)
        var tries = 0
        while result.count < count && tries < count * 200 {
            tries += 1
            let pool = activeContent[rng.weighted(weights)]
            guard !pool.isEmpty else { continue }
            let row = Int(pool[rng.below(pool.count)])
            guard isCandidate(row, used), accept(row) else { continue }
            used.insert(Int32(row))
            result.append(row)
        }
        return result
    }

    private func terms(of rows: [Int]) -> [[UInt8]] { rows.map { Array(descriptions.current.strings[Col.term].bytes($0)) } }

    /// A new term: `qualifier + lower-cased old term`, distinct from every existing term of the concept.
    private func variant(of term: [UInt8], avoiding existing: [[UInt8]], rng: inout SplitMix64) -> [UInt8] {
        let start = rng.below(TermFactory.qualifiers.count)
        for k in 0..<TermFactory.qualifiers.count {
            let q = TermFactory.qualifiers[(start + k) % TermFactory.qualifiers.count]
            var candidate = q + [32] + term
            lowerFirst(&candidate, from: q.count + 1)
            if !existing.contains(candidate) { return candidate }
        }
        return term + Array(" variant".utf8)
    }

    /// Active relationships of a concept as axiom input.
    private func axiomText(concept: Int64, rows: [Int], concreteRows: [Int]) -> [UInt8] {
        var parents: [Int64] = []
        var attrs: [(group: Int, type: Int64, destination: Int64)] = []
        for r in rows where inferred.current.isActive(r) {
            let type = inferred.current[r, Col.relType], destination = inferred.current[r, Col.destination]
            if type == WellKnown.isA {
                parents.append(destination)
            } else {
                attrs.append((Int(inferred.current[r, Col.group]), type, destination))
            }
        }
        let values = concreteRows.filter { concrete.current.isActive($0) }.map {
            (
                group: Int(concrete.current[$0, Col.group]), type: concrete.current[$0, Col.relType],
                value: concrete.current.strings[Col.value].string($0)
            )
        }
        let row = Int(conceptRow[concept]!)
        let defined = concepts.current[row, Col.definitionStatus] == WellKnown.fullyDefined
        return Self.axiom(concept: concept, defined: defined, parents: parents, attributes: attrs, concrete: values)
    }

    private func setAxiom(concept: Int64, owlRows: [Int], text: [UInt8], module: Int64, date: Int64) {
        if let first = owlRows.first(where: { owl.current[$0, Col.refset] == WellKnown.owlAxiomRefset }) {
            owl.update(first, date: date) { t in
                t[first, Col.active] = 1
                t.strings[Col.extra].set(first, text)
            }
        } else {
            addMember(&owl, refset: WellKnown.owlAxiomRefset, referenced: concept, module: module, date: date, text: [text[...]])
        }
    }

    func applyInternationalChanges(date: Int64, rng: inout SplitMix64, record: inout ReleaseChanges) {
        let descriptionStart = descriptions.count, definitionStart = textDefinitions.count
        let plan = planInternationalChanges(date: date, rng: &rng)
        inactivateConcepts(plan, rng: &rng, record: &record)
        reactivateConcepts(plan, rng: &rng, record: &record)
        changePreferredTerms(plan, rng: &rng, record: &record)
        changeFullySpecifiedNames(plan, rng: &rng, record: &record)
        addSynonyms(plan, rng: &rng, record: &record)
        moveConcepts(plan, rng: &rng, record: &record)
        addConcepts(plan, rng: &rng, record: &record)
        // Simple refset membership changes.
        changeMembers(
            refset: meta["lateralizable"]!, pool: activeContent[Hierarchy.bodyStructure], count: max(2, plan.base / 10),
            module: plan.module, date: date, rng: &rng, record: &record, exclude: Set(plan.inactivate.map(Int32.init)))

        redateDependencies(modules: [WellKnown.coreModule, WellKnown.modelModule, 449080006], date: date) { _ in date }
        for r in descriptionStart..<descriptions.count { record.newDescriptions.append(descriptions.current[r, Col.id]) }
        for r in definitionStart..<textDefinitions.count { record.newDescriptions.append(textDefinitions.current[r, Col.id]) }
    }

    /// Which concepts change, and the rows of theirs each change needs, read once.
    private func planInternationalChanges(date: Int64, rng: inout SplitMix64) -> InternationalChangePlan {
        let active = activeContent.reduce(0) { $0 + $1.count }
        let base = max(4, Int(Double(active) * profile.changeRate))
        let module = WellKnown.coreModule
        var used: Set<Int32> = []

        // Choose.
        let inactivate = pick(max(2, base / 3), &rng, used: &used) { !self.referenced[$0] && self.activeChildren[$0] == 0 }
        var reactivate: [Int] = []
        var inactiveRows: [Int] = []
        for row in contentStart..<concepts.count where !concepts.current.isActive(row) && concepts.current[row, Col.module] == module {
            inactiveRows.append(row)
        }
        for _ in 0..<(max(1, base / 20) * 10) where reactivate.count < max(1, base / 20) && !inactiveRows.isEmpty {
            let row = inactiveRows[rng.below(inactiveRows.count)]
            if !used.contains(Int32(row)) && !referenced[row] { used.insert(Int32(row)); reactivate.append(row) }
        }
        let ptChanges = pick(max(2, base / 4), &rng, used: &used) { _ in true }
        let fsnChanges = pick(max(1, base / 8), &rng, used: &used) { _ in true }
        let synonyms = pick(max(2, base / 4), &rng, used: &used) { _ in true }
        let moves = pick(max(2, base / 6), &rng, used: &used) { self.primaryParent[$0] >= self.contentStart }

        let touched = ids(inactivate + reactivate + ptChanges + fsnChanges + synonyms + moves)
        let descsByConcept = descriptions.rows(where: Col.conceptId, in: touched)
        let relsBySource = inferred.rows(where: Col.source, in: ids(inactivate + reactivate + moves))
        let concreteBySource = concrete.rows(where: Col.source, in: ids(inactivate + moves))
        let owlByConcept = owl.rows(where: Col.referenced, in: ids(inactivate + reactivate + moves))
        var termDescriptions: Set<Int64> = []
        for row in ptChanges + fsnChanges {
            for d in descsByConcept[concepts.current[row, Col.id]] ?? [] { termDescriptions.insert(descriptions.current[d, Col.id]) }
        }
        let langByDescription = language.rows(where: Col.referenced, in: termDescriptions)

        return InternationalChangePlan(
            date: date, module: module, base: base, inactivate: inactivate, reactivate: reactivate, ptChanges: ptChanges, fsnChanges: fsnChanges,
            synonyms: synonyms, moves: moves, descsByConcept: descsByConcept, relsBySource: relsBySource, concreteBySource: concreteBySource,
            owlByConcept: owlByConcept, langByDescription: langByDescription)
    }

    /// Concept ids of model rows.
    private func ids(_ rows: [Int]) -> Set<Int64> { Set(rows.map { concepts.current[$0, Col.id] }) }

    /// Inactivates concepts with their relationships, members and historical associations.
    private func inactivateConcepts(_ plan: InternationalChangePlan, rng: inout SplitMix64, record: inout ReleaseChanges) {
        let date = plan.date, module = plan.module, inactivate = plan.inactivate, descsByConcept = plan.descsByConcept, relsBySource = plan.relsBySource,
            concreteBySource = plan.concreteBySource, owlByConcept = plan.owlByConcept
        // Inactivations: first the rows, then members (so association targets are still-active concepts).
        for row in inactivate {
            let id = concepts.current[row, Col.id]
            concepts.update(row, date: date) { t in
                t[row, Col.active] = 0
                t[row, Col.definitionStatus] = WellKnown.primitive
            }
            for r in relsBySource[id] ?? [] where inferred.current.isActive(r) {
                if inferred.current[r, Col.relType] == WellKnown.isA, let p = conceptRow[inferred.current[r, Col.destination]] {
                    activeChildren[Int(p)] -= 1
                }
                inferred.update(r, date: date) { $0[r, Col.active] = 0 }
            }
            for r in concreteBySource[id] ?? [] where concrete.current.isActive(r) { concrete.update(r, date: date) { $0[r, Col.active] = 0 } }
            for r in owlByConcept[id] ?? [] where owl.current.isActive(r) { owl.update(r, date: date) { $0[r, Col.active] = 0 } }
        }
        let gone = Set(inactivate.map(Int32.init))
        for h in activeContent.indices { activeContent[h].removeAll { gone.contains($0) } }
        let mapRows = extendedMap.rows(where: Col.referenced, in: ids(inactivate))
        for row in inactivate {
            let id = concepts.current[row, Col.id]
            let live = (descsByConcept[id] ?? []).filter { descriptions.current.isActive($0) }.map { descriptions.current[$0, Col.id] }
            record.inactivatedConcepts.append(addInactivationMembers(row: row, activeDescriptions: live, module: module, date: date, rng: &rng))
            for (refset, members) in simpleMembers {
                guard let member = members[id] else { continue }
                simple.update(member, date: date) { $0[member, Col.active] = 0 }
                simpleMembers[refset]![id] = nil
                record.refsetMemberChanges.append(
                    .init(
                        refsetId: refset, memberId: Self.uuidString(key: simple.current[member, Col.id], seed: seed),
                        referencedComponentId: id, change: .removed))
            }
            for r in mapRows[id] ?? [] where extendedMap.current.isActive(r) { extendedMap.update(r, date: date) { $0[r, Col.active] = 0 } }
        }
    }

    /// Reactivates concepts with a parent and their descriptions.
    private func reactivateConcepts(_ plan: InternationalChangePlan, rng: inout SplitMix64, record: inout ReleaseChanges) {
        let date = plan.date, module = plan.module, reactivate = plan.reactivate, descsByConcept = plan.descsByConcept, owlByConcept = plan.owlByConcept
        // Reactivations.
        if !reactivate.isEmpty {
            let reIds = ids(reactivate)
            var descriptionIds: Set<Int64> = []
            for id in reIds { for d in descsByConcept[id] ?? [] { descriptionIds.insert(descriptions.current[d, Col.id]) } }
            let av = attributeValue.rows(where: Col.referenced, in: reIds.union(descriptionIds))
            let assoc = association.rows(where: Col.referenced, in: reIds)
            for row in reactivate {
                let id = concepts.current[row, Col.id]
                let h = Int(hierarchy[row])
                concepts.update(row, date: date) { $0[row, Col.active] = 1 }
                var parentRow = primaryParent[row]
                if parentRow < 0 || !concepts.current.isActive(Int(parentRow)) { parentRow = topRow[h]; primaryParent[row] = parentRow }
                let parent = concepts.current[Int(parentRow), Col.id]
                let rel = addRelationship(source: id, destination: parent, group: 0, type: WellKnown.isA, active: true, module: module, date: date)
                activeChildren[Int(parentRow)] += 1
                setAxiom(concept: id, owlRows: owlByConcept[id] ?? [], text: axiomText(concept: id, rows: [rel], concreteRows: []), module: module, date: date)
                var keys: [Int64] = [id]
                for d in descsByConcept[id] ?? [] { keys.append(descriptions.current[d, Col.id]) }
                for key in keys {
                    for r in av[key] ?? [] where attributeValue.current.isActive(r) { attributeValue.update(r, date: date) { $0[r, Col.active] = 0 } }
                }
                for r in assoc[id] ?? [] where association.current.isActive(r) { association.update(r, date: date) { $0[r, Col.active] = 0 } }
                activeContent[h].append(Int32(row))
                record.reactivatedConcepts.append(id)
            }
        }
    }

    /// New preferred terms (US and GB together).
    private func changePreferredTerms(_ plan: InternationalChangePlan, rng: inout SplitMix64, record: inout ReleaseChanges) {
        let date = plan.date, module = plan.module, ptChanges = plan.ptChanges, descsByConcept = plan.descsByConcept, langByDescription = plan.langByDescription
        // Preferred-term changes (US and GB together).
        for row in ptChanges {
            let id = concepts.current[row, Col.id]
            let rows = descsByConcept[id] ?? []
            guard
                let pt = rows.first(where: { d in
                    descriptions.current.isActive(d) && descriptions.current[d, Col.typeId] == WellKnown.synonym
                        && (langByDescription[descriptions.current[d, Col.id]] ?? []).contains {
                            language.current.isActive($0) && language.current[$0, Col.extra] == WellKnown.preferred
                                && language.current[$0, Col.refset] == WellKnown.usEnglish
                        }
                })
            else { continue }
            let old = descriptions.current[pt, Col.id]
            let term = variant(of: Array(descriptions.current.strings[Col.term].bytes(pt)), avoiding: terms(of: rows), rng: &rng)
            let new = addDescription(concept: id, module: module, date: date, active: true, language: Self.en, type: WellKnown.synonym, term: term)
            // The new term becomes preferred wherever the old one was (US only when GB has its own spelling).
            var refsets: [Int64] = []
            for m in langByDescription[old] ?? [] where language.current.isActive(m) {
                language.update(m, date: date) { $0[m, Col.extra] = WellKnown.acceptable }
                refsets.append(language.current[m, Col.refset])
                addLanguage(
                    description: new, refset: language.current[m, Col.refset], acceptability: WellKnown.preferred, active: true, module: module, date: date)
            }
            record.preferredTermChanges.append(.init(conceptId: id, languageRefsetIds: refsets, oldDescriptionId: old, newDescriptionId: new))
        }
    }

    /// New fully specified names; the old ones are inactivated as outdated.
    private func changeFullySpecifiedNames(_ plan: InternationalChangePlan, rng: inout SplitMix64, record: inout ReleaseChanges) {
        let date = plan.date, module = plan.module, fsnChanges = plan.fsnChanges, descsByConcept = plan.descsByConcept,
            langByDescription = plan.langByDescription
        // FSN changes: the old FSN is inactivated (Outdated), a new FSN becomes preferred.
        for row in fsnChanges {
            let id = concepts.current[row, Col.id]
            let rows = descsByConcept[id] ?? []
            guard let fsn = rows.first(where: { descriptions.current.isActive($0) && descriptions.current[$0, Col.typeId] == WellKnown.fullySpecifiedName })
            else { continue }
            let old = descriptions.current[fsn, Col.id]
            let term = variant(of: Array(descriptions.current.strings[Col.term].bytes(fsn)), avoiding: terms(of: rows), rng: &rng)
            descriptions.update(fsn, date: date) { $0[fsn, Col.active] = 0 }
            addMember(
                &attributeValue, refset: WellKnown.descriptionInactivationIndicator, referenced: old, module: module, date: date,
                extra: [WellKnown.outdated])
            let new = addDescription(
                concept: id, module: module, date: date, active: true, language: Self.en,
                type: WellKnown.fullySpecifiedName, term: term)
            var refsets: [Int64] = []
            for m in langByDescription[old] ?? [] where language.current.isActive(m) {
                language.update(m, date: date) { $0[m, Col.active] = 0 }
                refsets.append(language.current[m, Col.refset])
                addLanguage(
                    description: new, refset: language.current[m, Col.refset], acceptability: WellKnown.preferred, active: true, module: module, date: date)
            }
            record.fsnChanges.append(.init(conceptId: id, languageRefsetIds: refsets, oldDescriptionId: old, newDescriptionId: new))
        }
    }

    /// New acceptable synonyms.
    private func addSynonyms(_ plan: InternationalChangePlan, rng: inout SplitMix64, record: inout ReleaseChanges) {
        let date = plan.date, module = plan.module, synonyms = plan.synonyms, descsByConcept = plan.descsByConcept
        // New acceptable synonyms.
        for row in synonyms {
            let id = concepts.current[row, Col.id]
            let rows = descsByConcept[id] ?? []
            guard let pt = rows.first(where: { descriptions.current.isActive($0) && descriptions.current[$0, Col.typeId] == WellKnown.synonym }) else {
                continue
            }
            let term = variant(of: Array(descriptions.current.strings[Col.term].bytes(pt)), avoiding: terms(of: rows), rng: &rng)
            let new = addDescription(concept: id, module: module, date: date, active: true, language: Self.en, type: WellKnown.synonym, term: term)
            for refset in [WellKnown.usEnglish, WellKnown.gbEnglish] {
                addLanguage(description: new, refset: refset, acceptability: WellKnown.acceptable, active: true, module: module, date: date)
            }
        }
    }

    /// IS-A moves within a hierarchy.
    private func moveConcepts(_ plan: InternationalChangePlan, rng: inout SplitMix64, record: inout ReleaseChanges) {
        let date = plan.date, module = plan.module, moves = plan.moves, relsBySource = plan.relsBySource, concreteBySource = plan.concreteBySource,
            owlByConcept = plan.owlByConcept
        // IS-A moves to another (earlier, hence never descendant) concept of the same hierarchy.
        for row in moves {
            let id = concepts.current[row, Col.id]
            let rels = relsBySource[id] ?? []
            let oldParentRow = Int(primaryParent[row])
            let oldParent = concepts.current[oldParentRow, Col.id]
            guard
                let rel = rels.first(where: {
                    inferred.current.isActive($0) && inferred.current[$0, Col.relType] == WellKnown.isA
                        && inferred.current[$0, Col.destination] == oldParent
                })
            else { continue }
            let currentParents = Set(
                rels.filter { inferred.current.isActive($0) && inferred.current[$0, Col.relType] == WellKnown.isA }
                    .map { inferred.current[$0, Col.destination] })
            let pool = activeContent[Int(hierarchy[row])]
            var target: Int32?
            for _ in 0..<30 {
                let candidate = pool[rng.below(pool.count)]
                if candidate < Int32(row) && !currentParents.contains(concepts.current[Int(candidate), Col.id])
                    && Int(depth[Int(candidate)]) < profile.maxDepth
                {
                    target = candidate
                    break
                }
            }
            guard let target else { continue }
            let newParent = concepts.current[Int(target), Col.id]
            inferred.update(rel, date: date) { $0[rel, Col.active] = 0 }
            let newRel = addRelationship(source: id, destination: newParent, group: 0, type: WellKnown.isA, active: true, module: module, date: date)
            activeChildren[oldParentRow] -= 1
            activeChildren[Int(target)] += 1
            primaryParent[row] = target
            let text = axiomText(concept: id, rows: rels + [newRel], concreteRows: concreteBySource[id] ?? [])
            setAxiom(concept: id, owlRows: owlByConcept[id] ?? [], text: text, module: module, date: date)
            record.isaMoves.append(.init(conceptId: id, fromParentId: oldParent, toParentId: newParent))
        }
    }

    /// New concepts with terms, attributes, axioms and maps.
    private func addConcepts(_ plan: InternationalChangePlan, rng: inout SplitMix64, record: inout ReleaseChanges) {
        let date = plan.date, module = plan.module, base = plan.base
        // New concepts.
        var term: [UInt8] = []
        let weights = Hierarchy.all.map(\.weight)
        for _ in 0..<base {
            let h = rng.weighted(weights)
            let pool = activeContent[h]
            var parentRow = pool.isEmpty ? topRow[h] : pool[rng.below(pool.count)]
            while Int(depth[Int(parentRow)]) >= profile.maxDepth { parentRow = primaryParent[Int(parentRow)] }
            let model = attributes(for: h, rng: &rng)
            let defined = !model.attributes.isEmpty && Hierarchy.all[h].shape != .bodyStructure && rng.chance(0.35)
            let id = mintConcept()
            let row = Int(
                addConcept(
                    id: id, module: module, active: true, defined: defined, date: date, hierarchy: UInt8(h),
                    tag: UInt8(rng.below(Hierarchy.all[h].tags.count)), depth: depth[Int(parentRow)] + 1, parent: parentRow))
            activeChildren[Int(parentRow)] += 1
            let parent = concepts.current[Int(parentRow), Col.id]
            _ = addTerms(row: row, concept: id, active: true, date: date, rng: &rng, term: &term, retired: false)
            addRelationship(source: id, destination: parent, group: 0, type: WellKnown.isA, active: true, module: module, date: date)
            var attrs: [(group: Int, type: Int64, destination: Int64)] = []
            for a in model.attributes {
                let target = pickActive(in: a.target, rng: &rng)
                attrs.append((a.group, a.type, target))
                addRelationship(source: id, destination: target, group: a.group, type: a.type, active: true, module: module, date: date)
            }
            for c in model.concrete {
                addConcrete(source: id, value: Array(c.value.utf8), group: c.group, type: c.type, active: true, module: module, date: date)
            }
            let text = Self.axiom(concept: id, defined: defined, parents: [parent], attributes: attrs, concrete: model.concrete)
            addMember(&owl, refset: WellKnown.owlAxiomRefset, referenced: id, module: module, date: date, text: [text[...]])
            if Hierarchy.all[h].shape == .finding && rng.chance(profile.extendedMapFraction) { addICD10Map(concept: id, date: date, rng: &rng) }
            activeContent[h].append(Int32(row))
            record.newConcepts.append(id)
        }
    }

    /// Adds `count` new members from `pool` and removes `count` existing ones.
    func changeMembers(
        refset: Int64, pool: [Int32], count: Int, module: Int64, date: Int64, rng: inout SplitMix64,
        record: inout ReleaseChanges, exclude: Set<Int32>
    ) {
        guard !pool.isEmpty else { return }
        var members = simpleMembers[refset] ?? [:]
        // Removals first (members that were not just added).
        let current = members.keys.sorted()
        var removed = 0
        for _ in 0..<(count * 4) where removed < count && !current.isEmpty {
            let ref = current[rng.below(current.count)]
            guard let member = members[ref], simple.current.isActive(member), simple.current[member, Col.effectiveTime] != date else { continue }
            simple.update(member, date: date) { $0[member, Col.active] = 0 }
            members[ref] = nil
            removed += 1
            record.refsetMemberChanges.append(
                .init(
                    refsetId: refset, memberId: Self.uuidString(key: simple.current[member, Col.id], seed: seed),
                    referencedComponentId: ref, change: .removed))
        }
        var added = 0
        for _ in 0..<(count * 4) where added < count {
            let row = pool[rng.below(pool.count)]
            let ref = concepts.current[Int(row), Col.id]
            guard !exclude.contains(row), members[ref] == nil, concepts.current.isActive(Int(row)) else { continue }
            // A concept removed from this refset earlier keeps its old (inactive) member; a new one gets a new id.
            let member = addMember(&simple, refset: refset, referenced: ref, module: module, date: date)
            members[ref] = member
            referenced[Int(row)] = true
            added += 1
            record.refsetMemberChanges.append(
                .init(
                    refsetId: refset, memberId: Self.uuidString(key: simple.current[member, Col.id], seed: seed),
                    referencedComponentId: ref, change: .added))
        }
        simpleMembers[refset] = members
    }

    func applyNorwegianChanges(options: NorwayOptions, date: Int64, baseDate: Int64, rng: inout SplitMix64, record: inout ReleaseChanges) {
        let descriptionStart = descriptions.count
        let base = max(3, Int(Double(profile.conceptCount) * profile.changeRate))
        // New Norway concepts.
        for _ in 0..<max(1, base / 4) {
            let row = addNorwegianConcept(hierarchy: rng.chance(0.7) ? 0 : 1, date: date, rng: &rng)
            record.newConcepts.append(concepts.current[row, Col.id])
        }
        // New translations.
        var translatedNow = 0
        for _ in 0..<(base * 10) where translatedNow < base {
            let pool = activeContent[rng.below(3)]
            guard !pool.isEmpty else { continue }
            let row = pool[rng.below(pool.count)]
            guard !translated.contains(row), concepts.current[Int(row), Col.module] == WellKnown.coreModule else { continue }
            addTranslation(row: Int(row), date: date, rng: &rng, nynorsk: options.nynorskFraction)
            translatedNow += 1
        }
        // Bokmål preferred-term changes.
        let candidates = translated.filter { concepts.current[Int($0), Col.effectiveTime] != date }.sorted()
        var chosen: [Int64] = []
        for _ in 0..<max(1, base / 4) where !candidates.isEmpty {
            let id = concepts.current[Int(candidates[rng.below(candidates.count)]), Col.id]
            if !chosen.contains(id) { chosen.append(id) }
        }
        let descs = descriptions.rows(where: Col.conceptId, in: Set(chosen))
        var norwegianIds: Set<Int64> = []
        for (_, rows) in descs { for d in rows where descriptions.current[d, Col.language] == Self.no { norwegianIds.insert(descriptions.current[d, Col.id]) } }
        let lang = language.rows(where: Col.referenced, in: norwegianIds)
        for id in chosen {
            let rows = (descs[id] ?? []).filter { descriptions.current[$0, Col.language] == Self.no && descriptions.current.isActive($0) }
            guard
                let pt = rows.first(where: { d in
                    (lang[descriptions.current[d, Col.id]] ?? []).contains {
                        language.current.isActive($0) && language.current[$0, Col.refset] == WellKnown.norwegianBokmal
                            && language.current[$0, Col.extra] == WellKnown.preferred
                    }
                })
            else { continue }
            let old = descriptions.current[pt, Col.id]
            let existing = terms(of: descs[id] ?? [])
            let row = Int(conceptRow[id]!)
            var variantNumber = 3
            var term = norwegianTerm(row: row, variant: variantNumber)
            while existing.contains(term) && variantNumber < 40 { variantNumber += 1; term = norwegianTerm(row: row, variant: variantNumber) }
            let new = addDescription(
                concept: id, module: WellKnown.norwayModule, date: date, active: true, language: Self.no,
                type: WellKnown.synonym, term: term)
            for m in lang[old] ?? [] where language.current.isActive(m) && language.current[m, Col.refset] == WellKnown.norwegianBokmal {
                language.update(m, date: date) { $0[m, Col.extra] = WellKnown.acceptable }
            }
            addLanguage(
                description: new, refset: WellKnown.norwegianBokmal, acceptability: WellKnown.preferred, active: true,
                module: WellKnown.norwayModule, date: date)
            record.preferredTermChanges.append(
                .init(
                    conceptId: id, languageRefsetIds: [WellKnown.norwegianBokmal],
                    oldDescriptionId: old, newDescriptionId: new))
        }
        // Local refset membership changes.
        for k in 0..<min(options.localRefsets, Self.localRefsetNames.count) {
            guard let refset = meta["noRefset\(k)"] else { continue }
            changeMembers(
                refset: refset, pool: activeContent[k % 2 == 0 ? 0 : 1], count: 2, module: WellKnown.norwayModule,
                date: date, rng: &rng, record: &record, exclude: [])
        }
        redateDependencies(modules: [WellKnown.norwayModule], date: date) { _ in baseDate }
        for r in descriptionStart..<descriptions.count { record.newDescriptions.append(descriptions.current[r, Col.id]) }
    }
}

/// What one International version changes: the chosen concept rows and the rows of theirs the changes read.
struct InternationalChangePlan {
    let date: Int64
    let module: Int64
    /// The number of changes of the commonest kind (from the profile's change rate).
    let base: Int
    let inactivate: [Int]
    let reactivate: [Int]
    let ptChanges: [Int]
    let fsnChanges: [Int]
    let synonyms: [Int]
    let moves: [Int]
    let descsByConcept: [Int64: [Int]]
    let relsBySource: [Int64: [Int]]
    let concreteBySource: [Int64: [Int]]
    let owlByConcept: [Int64: [Int]]
    let langByDescription: [Int64: [Int]]
}
