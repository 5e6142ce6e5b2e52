import ECL
import Foundation
import RF2
import TerminologyStore

/// `ConceptMap/$translate` over SNOMED CT's implicit concept maps, `http://snomed.info/sct?fhir_cm=<refsetId>`
/// (the base may be an edition or version URI):
/// - association refsets (a `targetComponentId` field): the historical associations REPLACED BY, SAME AS,
///   POSSIBLY EQUIVALENT TO, ALTERNATIVE ... and any other association refset of the release; source and
///   target are SNOMED CT;
/// - map refsets (a `mapTarget` field): simple, complex and extended maps; the target system is
///   `http://hl7.org/fhir/sid/icd-10` for 447562003 and other ICD-10 maps, `http://hl7.org/fhir/sid/icpc-2`
///   for ICPC-2 maps, ICD-O-3 and CTV3 by name, else `urn:steward:map-target:<refsetId>`.
///
/// `reverse=true` translates from the target side back to SNOMED CT. Without `url`, `targetsystem` picks
/// every map of the release with that target system.
struct ConceptMapTranslation: Sendable {
    let services: ServerServices

    /// One map of the release.
    struct ConceptMap: Sendable {
        enum Kind: Sendable { case association, map }
        var refsetId: Int64
        var kind: Kind
        var name: String
        var targetSystem: String
        var url: String
        var activeMembers: Int
    }

    /// One translation result before it becomes a `match` parameter.
    struct Match: Sendable {
        var equivalence: String
        var concept: Coding?
        var source: String
        var extras: [Parameter] = []
    }

    func translate(_ input: OperationInput) throws -> Parameters {
        try input.reject(
            "conceptMap", "this server translates with SNOMED CT's implicit concept maps; give 'url' (http://snomed.info/sct?fhir_cm=<refsetId>)")
        try input.reject("dependency", "map dependencies are not supported")
        let reverse = try input.bool("reverse") ?? false
        let url = try input.string("url")
        let targetSystem = try input.string("targetsystem")
        let implicit = try url.map(Self.implicitMap)
        let coded = try Self.codedInput(input)
        let snomedVersion = implicit?.version ?? (reverse ? nil : coded.version)
        let release = try ReleaseSelection(registry: services.releases).release(
            snomedVersion, parameter: implicit?.version != nil ? "url" : "version")
        let engines = release.engines
        let maps = try maps(implicit: implicit, url: url, targetSystem: targetSystem, reverse: reverse, coded: coded, release: release)
        let language = try input.language()
        var matches: [Match] = []
        var notes: [String] = []
        for map in maps {
            if let targetSystem, targetSystem != (reverse ? SNOMED.system : map.targetSystem) {
                notes.append("\(map.name) (\(map.url)) maps to \(reverse ? SNOMED.system : map.targetSystem), not to \(targetSystem)")
                continue
            }
            matches +=
                reverse
                ? try translateReverse(coded, map: map, engines: engines, language: language)
                : try translateForward(coded, map: map, release: release, engines: engines, language: language)
        }
        let result = matches.contains { $0.equivalence != "unmatched" && $0.equivalence != "disjoint" }
        if !result {
            let direction = reverse ? "back from" : "of"
            let names = maps.map { "\($0.name) (\($0.url))" }.joined(separator: ", ")
            notes.insert("no mapping \(direction) code '\(coded.code)' in \(names), SNOMED CT release \(release.info.name)", at: 0)
        }
        return Self.output(result: result, notes: notes, matches: matches, version: release.info.versionURI, reverse: reverse)
    }

    /// The code to translate: `code` with `system`, `coding`, or the first coding of `codeableConcept`.
    private static func codedInput(_ input: OperationInput) throws -> CodedInput {
        if let single = try CodedInput.read(input, displayName: nil) { return single }
        if let concept = try input.codeableConcept("codeableConcept"),
            let first = CodedInput.codings(of: concept, parameter: "codeableConcept", version: try input.string("version"), display: nil).first
        {
            return first
        }
        throw APIError.badRequest("parameter 'code' (with 'system'), 'coding' or 'codeableConcept' is required")
    }

    /// The maps to translate with: the implicit map `url` names, or every map of the release to (or, reverse,
    /// from) the target system.
    private func maps(
        implicit: (refsetId: Int64, version: String?)?, url: String?, targetSystem: String?, reverse: Bool, coded: CodedInput, release: ReleaseHandle
    ) throws -> [ConceptMap] {
        if let implicit {
            return [try conceptMap(implicit.refsetId, store: release.engines.store, url: url ?? "")]
        }
        guard let targetSystem else {
            throw APIError.badRequest("parameter 'url' (e.g. http://snomed.info/sct?fhir_cm=900000000000527005) or 'targetsystem' is required")
        }
        // Reverse: the maps whose target side is the code's system, back to SNOMED CT.
        guard let wanted = reverse ? coded.system : targetSystem else {
            throw APIError.badRequest("a reverse translation without 'url' needs the code's 'system' to find the maps from it")
        }
        let maps = try Self.maps(in: release.engines.store).filter { $0.targetSystem == wanted }
        guard !maps.isEmpty else {
            throw APIError.notFound("SNOMED CT release \(release.info.name) has no concept map \(reverse ? "from" : "to") \(wanted)")
        }
        return maps
    }

    /// The answer: `result`, a `message` with the notes, one `match` per match (its map as `originMap`, a
    /// canonical with the release's version), and the maps and code system version used.
    private static func output(result: Bool, notes: [String], matches: [Match], version: String, reverse: Bool) -> Parameters {
        var output = [Parameter("result", .boolean(result))]
        if !notes.isEmpty { output.append(Parameter("message", .string(notes.joined(separator: "; ")))) }
        for match in matches {
            var parts = [Parameter("equivalence", .code(match.equivalence))]
            if let concept = match.concept { parts.append(Parameter("concept", .coding(concept))) }
            parts += match.extras
            parts.append(Parameter("originMap", .canonical("\(match.source)|\(version)")))
            output.append(Parameter("match", parts: parts))
        }
        for map in Set(matches.map(\.source)).sorted() { output.append(Parameter("used-conceptmap", .uri("\(map)|\(version)"))) }
        if !reverse { output.append(Parameter("used-system", .uri("\(SNOMED.system)|\(version)"))) }
        return Parameters(output)
    }

    // MARK: Forward and reverse

    private func translateForward(
        _ coded: CodedInput, map: ConceptMap, release: ReleaseHandle, engines: ReleaseHandle.Engines, language: LanguagePreference
    ) throws -> [Match] {
        if let system = coded.system, system != SNOMED.system {
            throw APIError.badRequest("the source of \(map.url) is SNOMED CT, not \(system): use reverse=true to translate from \(map.targetSystem)")
        }
        let store = engines.store
        let id = try SNOMED.conceptId(coded.code, parameter: coded.parameter, store: store)
        guard try store.concept(id) != nil else {
            throw APIError.notFound("code \(id) is not in SNOMED CT release \(release.info.name) (\(release.info.versionURI))")
        }
        let rows = try store.memberships(of: id).filter { $0.refsetId == map.refsetId && $0.active }
        return try matches(rows, map: map, store: store, language: language, reverse: false)
    }

    private func translateReverse(_ coded: CodedInput, map: ConceptMap, engines: ReleaseHandle.Engines, language: LanguagePreference) throws -> [Match] {
        if let system = coded.system, system != map.targetSystem {
            throw APIError.badRequest("reverse translation with \(map.url) starts from \(map.targetSystem), not \(system)")
        }
        let store = engines.store
        let rows: [RefsetMember]
        switch map.kind {
        case .association:
            let target = try SNOMED.conceptId(coded.code, parameter: coded.parameter, store: store)
            let sources = try engines.ecl.conceptIds("^ \(map.refsetId) {{ M targetComponentId = \(target) }}")
            rows = try sources.flatMap { source in
                try store.memberships(of: source).filter {
                    $0.refsetId == map.refsetId && $0.active && $0[field: "targetComponentId"] == .component(target)
                }
            }
        case .map:
            let code = coded.code
            let quoted = code.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            let sources = try engines.ecl.conceptIds("^ \(map.refsetId) {{ M mapTarget = \"\(quoted)\" }}")
            rows = try sources.flatMap { source in
                try store.memberships(of: source).filter {
                    $0.refsetId == map.refsetId && $0.active && $0[field: "mapTarget"]?.description == code
                }
            }
        }
        return try matches(rows, map: map, store: store, language: language, reverse: true)
    }

    /// Matches for member rows, in map group and priority order.
    private func matches(_ rows: [RefsetMember], map: ConceptMap, store: ReleaseStore, language: LanguagePreference, reverse: Bool) throws -> [Match] {
        func integer(_ member: RefsetMember, _ field: String) -> Int64? {
            if case .integer(let value)? = member[field: field] { return value }
            return nil
        }
        func target(_ member: RefsetMember) -> String {
            (member[field: "targetComponentId"] ?? member[field: "mapTarget"])?.description ?? ""
        }
        let sorted = rows.sorted {
            (integer($0, "mapGroup") ?? 0, integer($0, "mapPriority") ?? 0, $0.referencedComponentId, target($0))
                < (integer($1, "mapGroup") ?? 0, integer($1, "mapPriority") ?? 0, $1.referencedComponentId, target($1))
        }
        var conceptIds = sorted.map(\.referencedComponentId)
        for row in sorted { if case .component(let target)? = row[field: "targetComponentId"] { conceptIds.append(target) } }
        let terms = try store.preferredTerms(for: conceptIds, preference: language)
        let version = store.info.versionURI
        return sorted.map { row in
            switch map.kind {
            case .association:
                var target: Int64 = 0
                if case .component(let id)? = row[field: "targetComponentId"] { target = id }
                let other = reverse ? row.referencedComponentId : target
                return Match(
                    equivalence: Self.associationEquivalence(map.refsetId, reverse: reverse),
                    concept: .snomed(other, display: terms[other], version: version),
                    source: map.url)
            case .map:
                let target = row[field: "mapTarget"]?.description ?? ""
                var extras: [Parameter] = []
                if let group = integer(row, "mapGroup") { extras.append(Parameter("mapGroup", .integer(Int(group)))) }
                if let priority = integer(row, "mapPriority") { extras.append(Parameter("mapPriority", .integer(Int(priority)))) }
                if let rule = row[field: "mapRule"]?.description, !rule.isEmpty { extras.append(Parameter("mapRule", .string(rule))) }
                if let advice = row[field: "mapAdvice"]?.description, !advice.isEmpty { extras.append(Parameter("mapAdvice", .string(advice))) }
                var correlation: Int64?
                if case .component(let id)? = row[field: "correlationId"] { correlation = id }
                let equivalence = target.isEmpty ? "unmatched" : Self.mapEquivalence(correlation, reverse: reverse)
                let concept: Coding? =
                    reverse
                    ? .snomed(row.referencedComponentId, display: terms[row.referencedComponentId], version: version)
                    : (target.isEmpty ? nil : Coding(system: map.targetSystem, code: target))
                return Match(equivalence: equivalence, concept: concept, source: map.url, extras: extras)
            }
        }
    }

    // MARK: Equivalence

    /// FHIR R4 ConceptMapEquivalence for a historical association, read from source (inactive) to target.
    static func associationEquivalence(_ refsetId: Int64, reverse: Bool) -> String {
        switch refsetId {
        case WellKnown.sameAs: return "equal"
        case WellKnown.replacedBy: return "equivalent"
        case WellKnown.possiblyEquivalentTo, WellKnown.alternative, WellKnown.possiblyReplacedBy, WellKnown.partiallyEquivalentTo: return "inexact"
        case WellKnown.wasA: return reverse ? "narrower" : "wider"
        default: return "relatedto"
        }
    }

    /// Equivalence from a map row's correlation (SNOMED CT side first); maps without one relate generally.
    static func mapEquivalence(_ correlation: Int64?, reverse: Bool) -> String {
        switch correlation {
        case 447557004?: return "equivalent"  // exact match
        case 447558009?: return reverse ? "narrower" : "wider"  // SNOMED CT concept narrower than the target
        case 447559001?: return reverse ? "wider" : "narrower"  // SNOMED CT concept broader than the target
        case 447560006?: return "inexact"  // partial overlap
        case 447556008?: return "unmatched"  // not mappable
        default: return "relatedto"  // correlation not specified, or none (simple maps)
        }
    }

    // MARK: Maps of a release

    /// `<base>?fhir_cm=<refsetId>` → the refset and the edition or version URI of the base.
    static func implicitMap(_ url: String) throws -> (refsetId: Int64, version: String?) {
        guard let question = url.firstIndex(of: "?") else { throw unknownMap(url) }
        let base = String(url[..<question])
        let query = url[url.index(after: question)...]
        guard SNOMED.isSNOMED(base), query.hasPrefix("fhir_cm=") else { throw unknownMap(url) }
        let id = try SNOMED.conceptId(String(query.dropFirst("fhir_cm=".count)), parameter: "the refset id in url '\(url)'")
        return (id, base == SNOMED.system ? nil : base)
    }

    private static func unknownMap(_ url: String) -> APIError {
        APIError.notFound(
            "concept map '\(url)' is not known: this server has SNOMED CT's implicit concept maps, http://snomed.info/sct?fhir_cm=<refsetId>")
    }

    /// The map or association refset `refsetId` of the release, or a 404 naming it.
    private func conceptMap(_ refsetId: Int64, store: ReleaseStore, url: String) throws -> ConceptMap {
        guard let summary = try store.refsets().first(where: { $0.refsetId == refsetId }) else {
            throw APIError.notFound("concept map '\(url)': SNOMED CT release \(store.info.name) has no reference set \(refsetId)")
        }
        guard let map = try Self.conceptMap(summary, store: store) else {
            throw APIError.notFound(
                "concept map '\(url)': reference set \(refsetId) in release \(store.info.name) is neither an association nor a map reference set (fields: \(summary.fields.joined(separator: ", ")))"
            )
        }
        return map
    }

    /// Every association and map refset of the release that has active members, by refset id.
    static func maps(in store: ReleaseStore) throws -> [ConceptMap] {
        try store.refsets().filter { $0.activeMembers > 0 }.compactMap { try conceptMap($0, store: store) }.sorted { $0.refsetId < $1.refsetId }
    }

    private static func conceptMap(_ summary: RefsetSummary, store: ReleaseStore) throws -> ConceptMap? {
        let id = summary.refsetId
        let name = try store.preferredTerm(id) ?? String(id)
        let url = "\(SNOMED.system)?fhir_cm=\(id)"
        if summary.fields.first == "targetComponentId" {
            return ConceptMap(refsetId: id, kind: .association, name: name, targetSystem: SNOMED.system, url: url, activeMembers: summary.activeMembers)
        }
        if summary.fields.contains("mapTarget") {
            return ConceptMap(
                refsetId: id, kind: .map, name: name, targetSystem: targetSystem(id, name: name), url: url, activeMembers: summary.activeMembers)
        }
        return nil
    }

    static func targetSystem(_ refsetId: Int64, name: String) -> String {
        let upper = name.uppercased()
        if refsetId == 447562003 || upper.contains("ICD-10") { return "http://hl7.org/fhir/sid/icd-10" }
        if upper.contains("ICPC-2") || upper.contains("ICPC2") { return "http://hl7.org/fhir/sid/icpc-2" }
        if refsetId == 446608001 || upper.contains("ICD-O") { return "http://terminology.hl7.org/CodeSystem/icd-o-3" }
        if refsetId == 900000000000497000 || upper.contains("CTV3") { return "http://read.info/ctv3" }
        return "urn:steward:map-target:\(refsetId)"
    }
}
