import ECL
import Foundation
import HTTPTypes
import RF2
import TerminologyStore
import Workspace

/// What a value set means in one release: an ECL expression (every SNOMED CT implicit value set and every
/// posted compose is one) or, for a local refset of the workspace, its member list.
///
/// Value sets understood:
/// - implicit value sets on `http://snomed.info/sct`, an edition URI or a version URI: `?fhir_vs` (all
///   concepts), `?fhir_vs=isa/<id>`, `?fhir_vs=refset` (every refset with members), `?fhir_vs=refset/<id>`,
///   `?fhir_vs=ecl/<url-encoded ECL>`;
/// - local refsets by their canonical URL `http://snomed.info/sct?fhir_vs=refset/<id>` (the same form:
///   when the release has no refset with that id the workspace's local refset is expanded);
/// - a `compose` of SNOMED CT includes and excludes: `concept` lists, filters `concept is-a`,
///   `descendent-of`, `in` (refset), `=`, `is-not-a`, `generalizes`, `constraint =` (ECL), and implicit
///   value sets in `include.valueSet`.
struct ValueSetDefinition: Sendable {
    enum Content: Sendable {
        case ecl(String)
        /// Ascending concept ids.
        case ids([Int64])
    }

    var content: Content
    var release: ReleaseHandle
    var url: String?
    /// The value set's own version (a published local refset's effective time).
    var version: String?
    var title: String?
    var status = "active"
    /// Whether the expansion lists everything the value set holds (see ``ComposeTranslator/Translation``).
    var closed = false
    /// The ValueSet resource the caller gave (posted or as `tx-resource`), echoed around its expansion.
    var resource: ValueSet?
    /// ECL the caller wrote, whose concepts must exist (see ``checkAuthoredConcepts(in:)``).
    var authoredECL: [String] = []
    /// Postcoordinated expressions the value set lists.
    var expressions: [ListedExpression] = []
    /// Whether expressions over the value set's concepts belong to it (a filter `expressions = true`).
    var takesExpressions = false

    /// How versions are chosen: `force` (force-system-version) over the version a value set names over
    /// `fallback` (system-version, or the coding's version) over the newest release.
    struct Versions: Sendable {
        var force: String?
        var fallback: String?
    }

    /// Resolves a canonical URL (`url` or `url|version`; `valueSetVersion` for local refsets): a value set
    /// the request carries as `tx-resource` first, then SNOMED CT implicit value sets and local refsets.
    static func resolve(
        url: String, valueSetVersion: String?, versions: Versions, services: ServerServices, resources: [ValueSet] = []
    ) throws -> ValueSetDefinition {
        if let carried = carried(url, version: valueSetVersion, in: resources) {
            return try resolve(valueSet: carried, valueSetVersion: nil, versions: versions, services: services, resources: resources)
        }
        let selection = ReleaseSelection(registry: services.releases)
        let parsed: ImplicitValueSet?
        do {
            parsed = try ImplicitValueSet(url: url)
        } catch let error as APIError where error.issue == nil {
            // A malformed id or kind in the url names no value set (malformed ECL stays invalid ECL).
            throw APIError.notFound(error.message, .unknownValueSet(url))
        }
        guard let implicit = parsed else {
            throw APIError.notFound(
                "value set '\(url)' is not known: this server expands SNOMED CT implicit value sets (http://snomed.info/sct?fhir_vs...) and local refsets (http://snomed.info/sct?fhir_vs=refset/<id>), or a posted ValueSet, or one given as tx-resource",
                .unknownValueSet(url))
        }
        let release = try selection.release(
            versions.force ?? implicit.version ?? versions.fallback,
            parameter: versions.force != nil ? "force-system-version" : implicit.version != nil ? "url" : "system-version")
        switch implicit.kind {
        case .refset(let refsetId) where try !release.engines.store.refsetExists(refsetId):
            return try localRefset(
                refsetId, url: url, valueSetVersion: valueSetVersion, versions: versions, implicitVersion: implicit.version, release: release,
                services: services)
        case .allRefsets:
            let ids = try release.engines.store.refsets().filter { $0.activeMembers > 0 }.map(\.refsetId)
            let present = try ids.filter { try release.engines.store.concept($0) != nil }
            return ValueSetDefinition(content: .ids(present.sorted()), release: release, url: url, title: "All reference sets")
        default:
            var definition = ValueSetDefinition(content: .ecl(try implicit.ecl()), release: release, url: url)
            if case .ecl(let text) = implicit.kind { definition.authoredECL = [text] }
            return definition
        }
    }

    /// The carried value set `url` names: by `url|version` or `valueSetVersion`, else the last of that url.
    private static func carried(_ url: String, version: String?, in resources: [ValueSet]) -> ValueSet? {
        var base = url
        var wanted = version
        if let bar = url.lastIndex(of: "|") {
            base = String(url[..<bar])
            wanted = String(url[url.index(after: bar)...])
        }
        let matches = resources.filter { $0.url == base }
        guard let wanted else { return matches.last }
        return matches.last { $0.version == wanted }
    }

    /// Resolves a posted ValueSet: its compose when it has one, else its url.
    static func resolve(
        valueSet: ValueSet, valueSetVersion: String?, versions: Versions, services: ServerServices, resources: [ValueSet] = []
    ) throws -> ValueSetDefinition {
        guard let compose = valueSet.compose else {
            guard let url = valueSet.url else {
                throw APIError.badRequest("the posted ValueSet has neither compose nor url: nothing to expand")
            }
            let others = resources.filter { $0.url != url || $0.compose != nil }
            return try resolve(url: url, valueSetVersion: valueSetVersion ?? valueSet.version, versions: versions, services: services, resources: others)
        }
        let translation = try ComposeTranslator.ecl(compose)
        let version = translation.version
        let release = try ReleaseSelection(registry: services.releases).release(
            versions.force ?? version ?? versions.fallback,
            parameter: versions.force != nil ? "force-system-version" : version != nil ? "compose.include.version" : "system-version")
        var definition = ValueSetDefinition(
            content: translation.ecl.map(Content.ecl) ?? .ids([]), release: release, url: valueSet.url, version: valueSet.version,
            title: valueSet.title)
        definition.closed = translation.closed
        definition.resource = valueSet
        definition.authoredECL = translation.authoredECL
        definition.expressions = translation.expressions
        definition.takesExpressions = translation.takesExpressions
        return definition
    }

    /// A local refset: a published version's members (the newest unless `valueSetVersion` names one by
    /// number or effective time), or the draft (`valueSetVersion=draft`, or when nothing is published).
    private static func localRefset(
        _ refsetId: Int64, url: String, valueSetVersion: String?, versions: Versions, implicitVersion: String?, release: ReleaseHandle,
        services: ServerServices
    ) throws -> ValueSetDefinition {
        ResponseCapture.markWorkspaceRead()
        let refset: LocalRefset
        do {
            refset = try services.workspace.refset(refsetId)
        } catch let error as WorkspaceError where error.kind == .notFound {
            throw APIError.notFound(
                "value set '\(url)': \(refsetId) is neither a reference set with members in SNOMED CT release \(release.info.name) nor a local refset of this workspace",
                .unknownValueSet(url))
        }
        let selection = ReleaseSelection(registry: services.releases)
        let explicit = versions.force ?? implicitVersion ?? versions.fallback
        let published = try services.workspace.versions(of: refsetId)
        let chosen: RefsetVersion?
        switch valueSetVersion {
        case nil: chosen = published.last
        case "draft"?: chosen = nil
        case let text?:
            guard let match = published.first(where: { String($0.number) == text || String($0.effectiveTime) == text }) else {
                let known = published.map { "\($0.number) (\($0.effectiveTime))" }.joined(separator: ", ")
                throw APIError.notFound(
                    "local refset \(refsetId) has no version '\(text)': "
                        + (known.isEmpty ? "it has not been published (use valueSetVersion=draft)" : "published versions are \(known), or draft"))
            }
            chosen = match
        }
        if let chosen {
            let members = try services.workspace.members(of: refsetId, version: chosen.number)
            let handle = try selection.release(explicit ?? chosen.release, parameter: "system-version")
            return ValueSetDefinition(
                content: .ids(members), release: handle, url: url, version: String(chosen.effectiveTime), title: refset.name, closed: true)
        }
        let handle = try selection.release(explicit ?? refset.release, parameter: "system-version")
        let members = try services.workspace.draftMembers(of: refsetId, release: handle.engines.store)
        return ValueSetDefinition(content: .ids(members), release: handle, url: url, title: refset.name, status: "draft", closed: true)
    }

    /// Every concept the caller's ECL names must be in the release: an unknown id is a mistake in the value
    /// set (`vs-invalid`), not an empty expansion.
    func checkAuthoredConcepts(in store: ReleaseStore) throws {
        for text in authoredECL {
            guard let expression = try? ECLParser.parse(text) else { continue }
            for reference in expression.conceptReferences where try store.concept(reference.id) == nil {
                throw APIError.badRequest(
                    "Invalid ECL expression '\(text)': unknown SNOMED CT concept \(reference.id) (not in release \(release.info.name))", .invalidECL)
            }
        }
    }

    /// How messages name the value set: `url|version`, or what it is when it came without a url.
    var canonical: String {
        guard let url else { return "(unidentified)" }
        return version.map { "\(url)|\($0)" } ?? url
    }

    /// Whether a postcoordinated expression is in the value set: listed as such, or (with
    /// `expressions = true`) every focus concept of it is.
    func contains(_ expression: CompositionalExpression, engines: ReleaseHandle.Engines) throws -> Bool {
        let normalized = expression.normalized
        if expressions.contains(where: { $0.normalized == normalized }) { return true }
        guard takesExpressions else { return false }
        return try expression.focus.allSatisfy { try contains($0.id, engines: engines) }
    }

    /// Whether concept `id` is in the value set.
    func contains(_ id: Int64, engines: ReleaseHandle.Engines) throws -> Bool {
        switch content {
        case .ids(let ids): return ids.contains(id)
        case .ecl(let expression): return try !engines.ecl.conceptIds("(\(expression)) AND \(id)").isEmpty
        }
    }
}

extension ReleaseStore {
    /// Whether the release has a refset with this id (any member, active or not).
    fileprivate func refsetExists(_ id: Int64) throws -> Bool {
        try memberCount(of: id, activeOnly: false) > 0
    }
}
