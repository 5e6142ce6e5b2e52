import Foundation
import RF2
import Testing
@testable import SyntheticRelease

/// Whether `text` is a lower-case v4 UUID.
private func isUUID(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 36, bytes[14] == UInt8(ascii: "4"), "89ab".utf8.contains(bytes[19]) else { return false }
    for (i, b) in bytes.enumerated() {
        if [8, 13, 18, 23].contains(i) { if b != UInt8(ascii: "-") { return false } } else if !"0123456789abcdef".utf8.contains(b) { return false }
    }
    return true
}

/// Latest sample package (after two rounds of changes).
private var latest: String { Shared.sample.1.last!.name }

@Test func sampleRowCountsAreExact() {
    let counts = Shared.sample.1[0].rowCounts
    #expect(counts["sct2_Concept_Snapshot_INT_20250101.txt"] == 1643)
    #expect(counts["sct2_Description_Snapshot-en_INT_20250101.txt"] == 5401)
    #expect(counts["sct2_Relationship_Snapshot_INT_20250101.txt"] == 9999)
    #expect(counts["der2_cRefset_LanguageSnapshot-en_INT_20250101.txt"] == 10376)
    #expect(counts["sct2_Concept_Full_INT_20250101.txt"] == 1643)
    #expect(Shared.sample.1.map(\.effectiveTime) == ["20250101", "20250201", "20250301"])
}

@Test func sameSeedSameBytesDifferentSeedDifferentBytes() throws {
    let a = try Fixture.generate(.sample, seed: 99)
    let b = try Fixture.generate(.sample, seed: 99)
    let c = try Fixture.generate(.sample, seed: 100)
    func contents(_ fixture: (URL, [GeneratedPackage])) throws -> [String: Data] {
        let files = PackageFiles(root: fixture.0)
        var result: [String: Data] = [:]
        for url in files.allFiles(fixture.1[0].name) { result[url.lastPathComponent] = try Data(contentsOf: url) }
        return result
    }
    let (ca, cb, cc) = (try contents(a), try contents(b), try contents(c))
    #expect(ca.count == 34)
    #expect(ca == cb)
    #expect(ca["sct2_Concept_Snapshot_INT_20250101.txt"] != cc["sct2_Concept_Snapshot_INT_20250101.txt"])
    #expect(ca["der2_cRefset_LanguageSnapshot-en_INT_20250101.txt"] != cc["der2_cRefset_LanguageSnapshot-en_INT_20250101.txt"])
}

@Test func everyFileHasHeaderCRLFAndColumnCount() throws {
    for (files, package) in [(Shared.sampleFiles, latest), (Shared.norwayFiles, Shared.norway.1[3].name)] {
        for url in files.allFiles(package) {
            let bytes = [UInt8](try Data(contentsOf: url))
            let name = url.lastPathComponent
            // Every LF is preceded by CR, every CR followed by LF, the file ends with CRLF, and every
            // line has as many TAB-separated fields as the header.
            var problems: [String] = []
            bytes.withUnsafeBufferPointer { bytes in
                var tabs = 0, headerTabs = -1, lineStart = 0
                var i = 0
                while i < bytes.count {
                    let byte = bytes[i]
                    if byte == 9 { tabs += 1 }
                    if byte == 13 && (i + 1 == bytes.count || bytes[i + 1] != 10) { problems.append("bare CR at \(i)") }
                    if byte == 10 {
                        if i == 0 || bytes[i - 1] != 13 { problems.append("bare LF at \(i)") }
                        if i - 1 == lineStart { problems.append("blank line at \(i)") }
                        if headerTabs < 0 { headerTabs = tabs } else if tabs != headerTabs { problems.append("column count at \(i)") }
                        tabs = 0
                        lineStart = i + 1
                    }
                    i += 1
                }
            }
            #expect(bytes.suffix(2) == [13, 10], "\(name)")
            #expect(problems.isEmpty, "\(name): \(problems.prefix(3))")
            let header = String(decoding: bytes.prefix { $0 != 13 }, as: UTF8.self).components(separatedBy: "\t")
            let expected: [String] =
                name.contains("_Concept_")
                ? RF2Columns.concept
                : name.contains("_Description_") || name.contains("_TextDefinition_")
                    ? RF2Columns.description
                    : name.contains("RelationshipConcreteValues")
                        ? RF2Columns.concreteValues
                        : name.contains("Relationship_")
                            ? RF2Columns.relationship
                            : name.contains("Identifier")
                                ? RF2Columns.identifier
                                : name.contains("Language")
                                    ? RF2Columns.languageRefset
                                    : name.contains("Association")
                                        ? RF2Columns.associationRefset
                                        : name.contains("AttributeValue")
                                            ? RF2Columns.attributeValueRefset
                                            : name.contains("SimpleMap")
                                                ? RF2Columns.simpleMapRefset
                                                : name.contains("ExtendedMap")
                                                    ? RF2Columns.extendedMapRefset
                                                    : name.contains("OWLExpression")
                                                        ? RF2Columns.owlExpressionRefset
                                                        : name.contains("ModuleDependency")
                                                            ? RF2Columns.moduleDependencyRefset
                                                            : name.contains("RefsetDescriptor")
                                                                ? RF2Columns.refsetDescriptorRefset
                                                                : name.contains("DescriptionType")
                                                                    ? RF2Columns.descriptionTypeRefset
                                                                    : RF2Columns.simpleRefset
            #expect(header == expected, "\(name)")
        }
    }
}

@Test func idsAreVerhoeffValidInTheRightPartitions() throws {
    for (files, package, long) in [(Shared.sampleFiles, latest, false), (Shared.norwayFiles, Shared.norway.1[1].name, true)] {
        var problems: [String] = []
        func check(_ value: String, _ kind: SCTID.ComponentKind, _ what: String) {
            guard let id = Int64(value), SCTID.isValid(id, kind: kind) else {
                problems.append("\(what): \(value) is not a valid \(kind) id")
                return
            }
        }
        func expect(_ condition: Bool, _ what: @autoclosure () -> String) { if !condition { problems.append(what()) } }
        var seen: Set<String> = []
        for row in try files.rows(package, "sct2_Concept_Snapshot") {
            check(row[0], .concept, "concept id")
            check(row[3], .concept, "module")
            check(row[4], .concept, "definition status")
            expect(seen.insert(row[0]).inserted, "duplicate id \(row[0])")
            if long { expect(SCTID.namespace(of: Int64(row[0])!) == WellKnown.norwayNamespace, "namespace \(row[0])") }
        }
        for fragment in ["sct2_Description_Snapshot-en", "sct2_TextDefinition_Snapshot"] + (long ? ["sct2_Description_Snapshot-no"] : []) {
            for row in try files.rows(package, fragment) {
                check(row[0], .description, fragment)
                expect(seen.insert(row[0]).inserted, "duplicate id \(row[0])")
                for c in [3, 4, 6, 8] { check(row[c], .concept, fragment) }
                if long { expect(SCTID.partition(of: Int64(row[0])!) == .extensionDescription, "partition \(row[0])") }
            }
        }
        for fragment in ["sct2_Relationship_Snapshot", "sct2_StatedRelationship_Snapshot", "RelationshipConcreteValues_Snapshot"] {
            for row in try files.rows(package, fragment) {
                check(row[0], .relationship, fragment)
                expect(seen.insert(row[0]).inserted, "duplicate id \(row[0])")
                for c in [3, 4, 7, 8, 9] { check(row[c], .concept, fragment) }
                if !fragment.contains("Concrete") { check(row[5], .concept, fragment) }
            }
        }
        for fragment in [
            "Refset_Simple", "Association", "AttributeValue", "LanguageSnapshot", "SimpleMap", "ExtendedMap",
            "OWLExpression", "ModuleDependency", "RefsetDescriptor",
        ] {
            for row in try files.rows(package, fragment) {
                expect(isUUID(row[0]), "\(fragment) member id \(row[0])")
                expect(seen.insert(row[0]).inserted, "duplicate id \(row[0])")
                check(row[3], .concept, fragment)
                check(row[4], .concept, fragment)
                expect(SCTID.isValid(Int64(row[5]) ?? 0), "\(fragment) referencedComponentId \(row[5])")
            }
        }
        #expect(problems.isEmpty, "\(package): \(problems.prefix(5))")
    }
}

/// Active concept ids, keyed by module, of a package.
private func activeConcepts(_ files: PackageFiles, _ package: String) throws -> Set<String> {
    Set(try files.rows(package, "sct2_Concept_Snapshot").filter { $0[2] == "1" }.map { $0[0] })
}

@Test func oneFSNAndOnePreferredTermPerLanguageRefset() throws {
    let files = Shared.sampleFiles
    let active = try activeConcepts(files, latest)
    var descriptionConcept: [String: (concept: String, type: String, active: Bool)] = [:]
    for row in try files.rows(latest, "sct2_Description_Snapshot") { descriptionConcept[row[0]] = (row[4], row[6], row[2] == "1") }
    var fsn: [String: Int] = [:], pt: [String: Int] = [:]
    for row in try files.rows(latest, "LanguageSnapshot") where row[2] == "1" {
        guard let d = descriptionConcept[row[5]] else { continue }  // text definitions
        #expect(d.active, "active member for inactive description \(row[5])")
        let key = d.concept + "/" + row[4]
        if d.type == String(WellKnown.fullySpecifiedName) {
            #expect(row[6] == String(WellKnown.preferred))
            fsn[key, default: 0] += 1
        } else if row[6] == String(WellKnown.preferred) {
            pt[key, default: 0] += 1
        }
    }
    for concept in active {
        for refset in [WellKnown.usEnglish, WellKnown.gbEnglish] {
            #expect(fsn["\(concept)/\(refset)"] == 1, "FSN of \(concept) in \(refset)")
            #expect(pt["\(concept)/\(refset)"] == 1, "PT of \(concept) in \(refset)")
        }
    }
    // Inactive descriptions never have active members.
    let inactiveDescriptions = Set(descriptionConcept.filter { !$0.value.active }.keys)
    #expect(try files.rows(latest, "LanguageSnapshot").filter { $0[2] == "1" && inactiveDescriptions.contains($0[5]) }.isEmpty)
    // Active FSNs are unique.
    let fsnTerms = try files.rows(latest, "sct2_Description_Snapshot").filter { $0[2] == "1" && $0[6] == String(WellKnown.fullySpecifiedName) }
    #expect(Set(fsnTerms.map { $0[7] }).count == fsnTerms.count)
}

@Test func hierarchyIsAcyclicAndReachesTheRoot() throws {
    let files = Shared.sampleFiles
    let active = try activeConcepts(files, latest)
    var parents: [String: [String]] = [:]
    var groups: [String: Int] = [:]
    for row in try files.rows(latest, "sct2_Relationship_Snapshot") where row[2] == "1" {
        #expect(active.contains(row[4]) && active.contains(row[5]), "active relationship \(row[0]) between active concepts")
        if row[7] == String(WellKnown.isA) {
            #expect(row[6] == "0")
            parents[row[4], default: []].append(row[5])
        } else if row[6] != "0" {
            #expect(Int(row[6])! < 100)
            groups[row[4] + "/" + row[6], default: 0] += 1
        }
    }
    #expect(groups.values.allSatisfy { $0 >= 2 })
    // Depth-first from every concept with cycle detection; every active concept reaches the root.
    var state: [String: Int] = [:]  // 1 visiting, 2 done
    var maxDepth = 0
    var depthOf: [String: Int] = ["138875005": 0]
    func visit(_ c: String) -> Int {
        if let d = depthOf[c] { return d }
        #expect(state[c] != 1, "cycle through \(c)")
        state[c] = 1
        let ps = parents[c] ?? []
        #expect(!ps.isEmpty, "\(c) has no active parent")
        let d = (ps.map(visit).max() ?? -1000) + 1
        state[c] = 2
        depthOf[c] = d
        return d
    }
    for c in active { maxDepth = max(maxDepth, visit(c)) }
    #expect(depthOf.values.allSatisfy { $0 >= 0 })
    #expect(maxDepth >= 8 && maxDepth <= 26)
    #expect(parents["138875005"] == nil)
    let multi = parents.values.filter { $0.count >= 2 }.count
    #expect(Double(multi) / Double(active.count) > 0.15)
}

@Test func inactiveConceptsHaveIndicatorsAndAssociations() throws {
    let files = Shared.sampleFiles
    let concepts = try files.rows(latest, "sct2_Concept_Snapshot")
    let active = Set(concepts.filter { $0[2] == "1" }.map { $0[0] })
    let inactive = Set(concepts.filter { $0[2] == "0" }.map { $0[0] })
    #expect(concepts.filter { $0[2] == "0" }.allSatisfy { $0[4] == String(WellKnown.primitive) })
    let ratio = Double(active.count) / Double(concepts.count)
    #expect(ratio > 0.65 && ratio < 0.8)
    let values = try files.rows(latest, "AttributeValueSnapshot").filter { $0[2] == "1" }
    var reason: [String: String] = [:]
    for row in values where row[4] == String(WellKnown.conceptInactivationIndicator) {
        #expect(reason[row[5]] == nil, "one indicator per concept")
        #expect(inactive.contains(row[5]), "indicator on active concept \(row[5])")
        reason[row[5]] = row[6]
    }
    #expect(Set(reason.keys) == inactive)
    var associations: [String: [String]] = [:]
    for row in try files.rows(latest, "AssociationSnapshot") where row[2] == "1" {
        #expect(inactive.contains(row[5]) && active.contains(row[6]) && row[5] != row[6])
        associations[row[5], default: []].append(row[4])
    }
    let needsAssociation: [Int64: Int64] = [
        WellKnown.duplicate: WellKnown.sameAs, WellKnown.erroneous: WellKnown.replacedBy,
        WellKnown.ambiguous: WellKnown.possiblyEquivalentTo,
        WellKnown.classificationDerivedComponent: WellKnown.partiallyEquivalentTo,
    ]
    for (concept, value) in reason {
        if let refset = needsAssociation[Int64(value)!] {
            #expect(associations[concept]?.allSatisfy { $0 == String(refset) } == true, "\(concept) reason \(value)")
        }
        if [WellKnown.meaningOfComponentUnknown, WellKnown.movedElsewhere].contains(Int64(value)!) {
            #expect(associations[concept] == nil)
        }
    }
    // Active descriptions of inactive concepts carry "concept non-current"; no active concept has an indicator.
    let nonCurrent = Set(
        values.filter { $0[4] == String(WellKnown.descriptionInactivationIndicator) && $0[6] == String(WellKnown.conceptNonCurrent) }.map { $0[5] })
    for row in try files.rows(latest, "sct2_Description_Snapshot") where row[2] == "1" {
        #expect(nonCurrent.contains(row[0]) == inactive.contains(row[4]), "description \(row[0])")
    }
    // Inactive concepts have no active relationships or axioms, and no active children.
    for row in try files.rows(latest, "sct2_Relationship_Snapshot") where row[2] == "1" { #expect(!inactive.contains(row[4])) }
    for row in try files.rows(latest, "OWLExpressionSnapshot") where row[2] == "1" { #expect(!inactive.contains(row[5])) }
}

@Test func everyUsedMetadataIdIsAnActiveConcept() throws {
    let files = Shared.sampleFiles
    let active = try activeConcepts(files, latest)
    for row in try files.rows(latest, "sct2_Relationship_Snapshot") { #expect(active.contains(row[7])) }
    for fragment in [
        "Refset_Simple", "Association", "AttributeValue", "LanguageSnapshot", "SimpleMap", "ExtendedMap",
        "OWLExpression", "ModuleDependency", "RefsetDescriptor", "DescriptionType",
    ] {
        for row in try files.rows(latest, fragment) {
            #expect(active.contains(row[3]) && active.contains(row[4]), "\(fragment) module/refset \(row[3]) \(row[4])")
        }
    }
    // Every refset has a descriptor.
    let described = Set(try files.rows(latest, "RefsetDescriptor").map { $0[5] })
    for fragment in ["Refset_Simple", "Association", "AttributeValue", "LanguageSnapshot", "SimpleMap", "ExtendedMap", "OWLExpression"] {
        for refset in Set(try files.rows(latest, fragment).map { $0[4] }) { #expect(described.contains(refset), "\(refset)") }
    }
    // Every active concept has an active axiom (except the root).
    let axioms = Set(try files.rows(latest, "OWLExpressionSnapshot").filter { $0[2] == "1" }.map { $0[5] })
    #expect(active.subtracting(axioms) == ["138875005"])
}
