import Foundation
import RF2
import ReleaseDiff
import TerminologyStore

/// A refset's members with their terms, for CSV/TSV export and for people: concept id, preferred term in
/// the requested language, FSN, and whether the concept is active in the release.
public struct RefsetTable: Sendable {
    public struct Row: Sendable, Equatable, Codable {
        @IDString public var conceptId: Int64
        public var preferredTerm: String
        public var fullySpecifiedName: String
        public var active: Bool
    }

    public let rows: [Row]

    public init(members: [Int64], release: ReleaseStore, language: LanguagePreference) throws {
        let preferred = try release.preferredTerms(for: members, preference: language)
        let fsns = try release.fullySpecifiedNames(for: members, preference: language)
        rows = try members.map { id in
            Row(conceptId: id, preferredTerm: preferred[id] ?? "", fullySpecifiedName: fsns[id] ?? "", active: try release.concept(id)?.active ?? false)
        }
    }

    /// CSV (RFC 4180, CRLF) or TSV (tabs, CRLF; tabs and line breaks in terms become spaces), with a header.
    public func text(separator: Character) -> String {
        let header = ["conceptId", "preferredTerm", "fullySpecifiedName", "active"]
        let cell = separator == "\t" ? CSVReportRenderer.tabField : CSVReportRenderer.field
        var lines = [header.joined(separator: String(separator))]
        for row in rows {
            lines.append(
                [String(row.conceptId), row.preferredTerm, row.fullySpecifiedName, row.active ? "1" : "0"].map(cell).joined(separator: String(separator)))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
