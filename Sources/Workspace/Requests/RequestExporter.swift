import Foundation
import ReleaseDiff

/// Renders requests for the national release centre: a CSV or TSV sheet with the columns of SNOMED
/// International's request-service batch import, or JSON with history and comments.
public enum RequestExporter {
    public static let columns = [
        "Request Id", "Request Type", "Topic", "Summary", "Concept Id", "Proposed FSN/Term", "Semantic Tag", "Parent Concept(s)", "Language",
        "Acceptability", "Inactivation Reason", "Association", "Target", "Justification", "Reference", "Organisation", "Local Code", "Local Term",
        "Status", "External Reference", "Notes",
    ]

    /// RFC 4180: CRLF after every record, fields with a comma, quote, CR or LF quoted, quotes doubled.
    public static func csv(_ requests: [ChangeRequest]) -> String {
        ([columns] + requests.map(row)).map { $0.map(CSVReportRenderer.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Tab-separated, LF after every record; tabs and line breaks inside a value become spaces.
    public static func tsv(_ requests: [ChangeRequest]) -> String {
        ([columns] + requests.map(row)).map { $0.map(CSVReportRenderer.tabField).joined(separator: "\t") + "\n" }.joined()
    }

    /// A JSON array of requests, each with its history and comments (sorted keys, ids as strings).
    public static func json(_ records: [RequestRecord]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(records)
    }

    /// One sheet row, in ``columns`` order. Multiple values (parents, targets, references, concepts) are
    /// separated by `; `.
    public static func row(_ request: ChangeRequest) -> [String] {
        let content = request.content
        var concept = "", proposed = "", tag = "", parents = "", language = "", acceptability = "", reason = "", association = "", target = ""
        func list(_ ids: [ComponentID]) -> String { ids.map(\.description).joined(separator: "; ") }
        switch content.payload {
        case .newConcept(let change):
            proposed = change.fullySpecifiedName
            tag = change.semanticTag ?? ""
            parents = list(change.parents)
        case .newDescription(let change):
            concept = change.conceptId.description
            proposed = change.term
            language = change.language.rawValue
            acceptability = change.acceptability.rawValue
        case .changeDescription(let change):
            concept = change.descriptionId.description
            proposed = change.proposedTerm ?? ""
        case .inactivateDescription(let change):
            concept = change.descriptionId.description
            reason = change.reason.label
            association = change.association?.label ?? ""
            target = list(change.targets)
        case .inactivateConcept(let change):
            concept = change.conceptId.description
            reason = change.reason.label
            association = change.association?.label ?? ""
            target = list(change.targets)
        case .newRelationship(let change):
            concept = change.sourceId.description
            proposed = "\(change.typeId) = \(change.destinationId) (group \(change.group))"
            target = change.destinationId.description
        case .changeRelationship(let change):
            concept = change.sourceId.description
            let type = change.newTypeId ?? change.typeId
            let destination = change.newDestinationId ?? change.destinationId
            proposed = "\(change.typeId) = \(change.destinationId) → \(type) = \(destination)" + (change.newGroup.map { " (group \($0))" } ?? "")
            target = destination.description
        case .retireRelationship(let change):
            concept = change.sourceId.description
            proposed = "retire \(change.typeId) = \(change.destinationId)"
            target = change.destinationId.description
        case .refsetChange(let change):
            concept = change.refsetId.description
            proposed = "\(change.action.rawValue) \(list(change.conceptIds))"
        case .other(let change):
            proposed = change.details
        }
        return [
            String(request.id), content.type.label, content.topic, content.summary, concept, proposed, tag, parents, language, acceptability, reason,
            association, target, content.useCase, content.references.joined(separator: "; "), content.organisation, content.localCode, content.localTerm,
            request.status.rawValue, request.externalReference ?? "", content.notes,
        ]
    }
}
