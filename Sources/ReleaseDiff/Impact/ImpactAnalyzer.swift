import ECL
import Foundation
import GRDB
import RF2
import TerminologyStore

/// Builds refset impact reports: for each member of a refset in FROM, what TO did to its concept
/// (inactivation with reason and replacements, term changes, module moves, disappearance); for ECL
/// definitions, the concepts gained and lost.
///
/// Reads raw refset rows, not ECL member-of: a member whose concept is inactive is still a member and
/// is exactly what the report is for.
public struct ImpactAnalyzer: Sendable {
    public let from: ReleaseStore
    public let to: ReleaseStore
    public var language: LanguagePreference

    public init(from: ReleaseStore, to: ReleaseStore, language: LanguagePreference = .default) {
        self.from = from
        self.to = to
        self.language = language
    }

    /// A named ECL definition (an intensional refset or value set).
    public struct Definition: Sendable {
        public var name: String
        public var ecl: String

        public init(name: String, ecl: String) {
            self.name = name
            self.ecl = ecl
        }
    }

    /// Simple refsets (no additional fields) with active members in FROM: the default when no refset is named.
    public func contentRefsets() throws -> [Int64] {
        try from.refsets().filter { $0.fields.isEmpty && $0.activeMembers > 0 }.map(\.refsetId)
    }

    public func analyze(refsets: [Int64], definitions: [Definition]) throws -> ImpactReport {
        let terms = try TermDirectory(to: to, from: from, language: language)
        var impacts: [RefsetImpact] = []
        for refset in refsets {
            guard try from.memberCount(of: refset, activeOnly: false) > 0 || to.memberCount(of: refset, activeOnly: false) > 0 else {
                throw DiffError("refset \(refset) has no members in \(from.info.name) or \(to.info.name)")
            }
            impacts.append(try impact(of: refset, terms: terms))
        }
        let definitionImpacts = try definitions.map { try impact(of: $0, terms: terms) }
        return ImpactReport(
            from: ReleaseDiffer.release(from), to: ReleaseDiffer.release(to), refsets: impacts, definitions: definitionImpacts)
    }

    private func impact(of refset: Int64, terms: TermDirectory) throws -> RefsetImpact {
        let members = try from.members(of: refset, activeOnly: true)
        return summarize(try terms.named(refset), try members.map { try check($0, terms: terms) })
    }

    /// One refset's impact from the findings of each member checked.
    private func summarize(_ refset: NamedConcept, _ findingsPerMember: [[MemberFinding]]) -> RefsetImpact {
        let affected = findingsPerMember.filter { !$0.isEmpty }.count
        return RefsetImpact(
            refset: refset, membersChecked: findingsPerMember.count, unaffected: findingsPerMember.count - affected, findings: findingsPerMember.flatMap { $0 })
    }

    private func check(_ member: RefsetMember, terms: TermDirectory) throws -> [MemberFinding] {
        let rowInTo = try to.memberships(of: member.referencedComponentId).first { $0.id == member.id }
        let ended: String? = rowInTo?.active == true ? nil : rowInTo == nil ? "member row missing in \(to.info.name)" : "member row inactive in \(to.info.name)"
        return try check(memberId: member.id.description, component: member.referencedComponentId, membershipEnded: ended, terms: terms)
    }

    /// What TO did to one member's component; `membershipEnded` says how the member row itself ended, when it did.
    func check(memberId: String, component: Int64, membershipEnded: String?, terms: TermDirectory) throws -> [MemberFinding] {
        let conceptId = try terms.owningConcept(component) ?? component
        let label = try terms.componentLabel(component)
        func finding(_ issue: MemberFinding.Issue, detail: String = "", reason: NamedConcept? = nil, associations: [InactivatedConcept.Association] = [])
            -> MemberFinding
        {
            MemberFinding(
                memberId: memberId, referencedComponentId: component, term: label, issue: issue, detail: detail, reason: reason,
                associations: associations, noReplacement: (issue == .inactivated || issue == .inactiveMember) && !associations.contains { $0.targetActive })
        }
        let isDescription = SCTID.partition(of: component)?.componentKind == .description
        let old =
            isDescription
            ? try from.description(component).map { (active: $0.active, module: $0.moduleId) }
            : try from.concept(component).map { (active: $0.active, module: $0.moduleId) }
        let new =
            isDescription
            ? try to.description(component).map { (active: $0.active, module: $0.moduleId) }
            : try to.concept(component).map { (active: $0.active, module: $0.moduleId) }
        var findings: [MemberFinding] = []
        let membership = membershipEnded.map { [finding(.membershipEnded, detail: $0)] } ?? []
        guard let new else { return [finding(.missing)] + membership }
        if !new.active {
            let reason = isDescription ? try to.descriptionInactivationReason(of: component) : try to.inactivationReason(of: component)
            findings.append(
                finding(
                    old?.active == false ? .inactiveMember : .inactivated, reason: try reason.map(terms.named),
                    associations: try terms.associations(of: component)))
        }
        if let old, old.module != new.module {
            findings.append(finding(.moduleMoved, detail: "\(try terms.term(old.module)) → \(try terms.term(new.module))"))
        }
        if !isDescription && new.active {
            for (type, issue) in [(WellKnown.fullySpecifiedName, MemberFinding.Issue.fsnChanged), (WellKnown.synonym, .preferredTermChanged)] {
                let before = try displayTerm(from, conceptId, type)
                let after = try displayTerm(to, conceptId, type)
                if let before, let after, before != after { findings.append(finding(issue, detail: "\(before) → \(after)")) }
            }
        }
        return findings + membership
    }

    /// The term of the first language refset in the preference that has one (the term users see).
    private func displayTerm(_ store: ReleaseStore, _ conceptId: Int64, _ type: Int64) throws -> String? {
        type == WellKnown.fullySpecifiedName
            ? try store.fullySpecifiedNames(for: [conceptId], preference: language)[conceptId]
            : try store.preferredTerm(conceptId, preference: language)
    }

    /// The impact on a refset kept outside the release (a workspace refset): `members` are its concept ids,
    /// each reported under its own id as member id.
    public func analyze(localRefset refset: NamedConcept, members: [Int64]) throws -> RefsetImpact {
        let terms = try TermDirectory(to: to, from: from, language: language)
        return summarize(refset, try members.map { try check(memberId: String($0), component: $0, membershipEnded: nil, terms: terms) })
    }

    private func impact(of definition: Definition, terms: TermDirectory) throws -> DefinitionImpact {
        let before = try ECLEngine(store: from).conceptIds(definition.ecl)
        let after = try ECLEngine(store: to).conceptIds(definition.ecl)
        let gained = SortedSet.subtracting(after, before)
        let lost = SortedSet.subtracting(before, after)
        return DefinitionImpact(
            name: definition.name, ecl: definition.ecl, fromCount: before.count, toCount: after.count, gained: try gained.map(terms.named),
            lost: try lost.map { id in
                let inactive = try to.concept(id)?.active != true
                return DefinitionImpact.Lost(
                    concept: try terms.named(id), inactivated: inactive, reason: inactive ? try to.inactivationReason(of: id).map(terms.named) : nil,
                    associations: inactive ? try terms.associations(of: id) : [])
            })
    }
}

/// Set difference of two ascending id arrays in one pass.
enum SortedSet {
    static func subtracting(_ a: [Int64], _ b: [Int64]) -> [Int64] {
        var result: [Int64] = []
        var j = 0
        for value in a {
            while j < b.count && b[j] < value { j += 1 }
            if j == b.count || b[j] != value { result.append(value) }
        }
        return result
    }
}
