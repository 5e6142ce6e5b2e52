import Foundation
import ReleaseDiff

extension Workspace {
    /// The impact report for moving from one release to another, over the refsets a release manager means:
    /// the given ids (local refsets by their draft, release refsets by their members) and ECL definitions;
    /// with neither, every local refset, or every content refset of the release when there are none.
    /// An intensional local refset is checked both as a definition (gained/lost) and by its inclusions.
    public func impactReport(_ analyzer: ImpactAnalyzer, refsetIds: [Int64], ecl: [String]) throws -> ImpactReport {
        try Self.impactReport(analyzer, refsetIds: refsetIds, ecl: ecl, locals: try refsets()) { try entries(of: $0) }
    }

    /// The same selection without a workspace (`locals` empty) or with one, whose draft entries `entries` reads.
    public static func impactReport(
        _ analyzer: ImpactAnalyzer, refsetIds: [Int64], ecl: [String], locals: [LocalRefset], entries: (Int64) throws -> [RefsetEntry]
    ) throws -> ImpactReport {
        var chosenLocals = locals.filter { refsetIds.contains($0.id) }
        var releaseRefsets = refsetIds.filter { id in !locals.contains { $0.id == id } }
        if refsetIds.isEmpty && ecl.isEmpty {
            if locals.isEmpty { releaseRefsets = try analyzer.contentRefsets() } else { chosenLocals = locals }
        }
        var definitions = ecl.enumerated().map { ImpactAnalyzer.Definition(name: "ECL \($0.offset + 1)", ecl: $0.element) }
        definitions += chosenLocals.compactMap { local in local.ecl.map { ImpactAnalyzer.Definition(name: "\(local.id) |\(local.name)|", ecl: $0) } }
        var report = try analyzer.analyze(refsets: releaseRefsets, definitions: definitions)
        for local in chosenLocals {
            let members = try entries(local.id).filter { $0.role == (local.kind == .extensional ? .member : .include) }.map(\.conceptId)
            report.refsets.append(try analyzer.analyze(localRefset: NamedConcept(id: local.id, term: local.name), members: members))
        }
        return report
    }
}
