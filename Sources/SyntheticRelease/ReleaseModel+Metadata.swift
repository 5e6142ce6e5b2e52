import RF2

/// Metadata refsets: module dependencies, refset descriptors and the description type refset.
extension ReleaseModel {
    /// Additional columns per refset: (attribute description key, attribute type key).
    static let refsetColumns: [(pattern: String, columns: [(String, String)])] = [
        ("", []),
        ("c-lang", [("acceptability", "conceptType")]),
        ("c-assoc", [("assocTarget", "componentType")]),
        ("c-av", [("attrValue", "conceptType")]),
        ("s-map", [("mapTargetAttr", "stringType")]),
        (
            "iissscc",
            [
                ("mapGroupAttr", "integerType"), ("mapPriorityAttr", "integerType"), ("mapRuleAttr", "stringType"),
                ("mapAdviceAttr", "stringType"), ("mapTargetAttr", "stringType"), ("correlationValue", "conceptType"),
                ("mapCategoryValue", "conceptType"),
            ]
        ),
        ("s-owl", [("owlExpressionAttr", "stringType")]),
        ("ss", [("sourceTime", "stringType"), ("targetTime", "stringType")]),
        ("cci", [("attrDescription", "conceptType"), ("attrType", "conceptType"), ("attrOrder", "integerType")]),
        ("ci", [("descFormat", "conceptType"), ("descLength", "integerType")]),
    ]

    /// Writes the refset descriptor rows of `refset` (kind = a key of `refsetColumns`).
    func addDescriptor(refset: Int64, kind: String, module: Int64, date: Int64) {
        let columns = Self.refsetColumns.first { $0.pattern == kind }!.columns
        let referencedType = kind == "c-lang" || kind == "c-av" || kind == "c-assoc" ? meta["componentType"]! : meta["conceptType"]!
        var order: Int64 = 0
        addMember(
            &descriptor, refset: WellKnown.refsetDescriptor, referenced: refset, module: module, date: date,
            extra: [meta["refComponent"]!, referencedType, order])
        for (description, type) in columns {
            order += 1
            addMember(
                &descriptor, refset: WellKnown.refsetDescriptor, referenced: refset, module: module, date: date,
                extra: [meta[description]!, meta[type]!, order])
        }
    }

    /// International metadata refset members: descriptors for every refset used, description types, MDRS.
    func addInternationalMetadataRefsets(date: Int64) {
        let m = WellKnown.modelModule
        let kinds: [(Int64, String)] =
            [
                (WellKnown.usEnglish, "c-lang"), (WellKnown.gbEnglish, "c-lang"),
                (WellKnown.conceptInactivationIndicator, "c-av"), (WellKnown.descriptionInactivationIndicator, "c-av"),
                (meta["lateralizable"]!, ""), (meta["ctv3Map"]!, "s-map"), (meta["icdoMap"]!, "s-map"),
                (meta["icd10Map"]!, "iissscc"), (WellKnown.owlAxiomRefset, "s-owl"), (WellKnown.owlOntologyRefset, "s-owl"),
                (WellKnown.moduleDependency, "ss"), (WellKnown.refsetDescriptor, "cci"), (WellKnown.descriptionFormat, "ci"),
            ] + WellKnown.historicalAssociationRefsets.map { ($0, "c-assoc") }
        for (refset, kind) in kinds { addDescriptor(refset: refset, kind: kind, module: m, date: date) }
        for (type, length) in [(WellKnown.fullySpecifiedName, 255), (WellKnown.synonym, 255), (WellKnown.definition, 4096)] {
            addMember(
                &descriptionType, refset: WellKnown.descriptionFormat, referenced: type, module: m, date: date,
                extra: [meta["plainText"]!, Int64(length)])
        }
        addDependency(source: WellKnown.coreModule, target: WellKnown.modelModule, date: date, targetDate: date)
        addDependency(source: 449080006, target: WellKnown.coreModule, date: date, targetDate: date)
        addDependency(source: 449080006, target: WellKnown.modelModule, date: date, targetDate: date)
    }

    func addDependency(source: Int64, target: Int64, date: Int64, targetDate: Int64) {
        let s = Array(String(date).utf8), t = Array(String(targetDate).utf8)
        addMember(
            &mdrs, refset: WellKnown.moduleDependency, referenced: target, module: source, date: date,
            extra: [0, 0], text: [s[...], t[...]])
    }

    /// Re-dates every MDRS row of modules in `modules` (a new row per release, RF2 §1.5 rule 3).
    func redateDependencies(modules: Set<Int64>, date: Int64, targetDate: (Int64) -> Int64) {
        for row in 0..<mdrs.count where modules.contains(mdrs.current[row, Col.module]) {
            let target = mdrs.current[row, Col.referenced]
            mdrs.update(row, date: date) { t in
                t.strings[Col.extra].set(row, Array(String(date).utf8))
                t.strings[Col.extra + 1].set(row, Array(String(targetDate(target)).utf8))
            }
        }
    }
}
