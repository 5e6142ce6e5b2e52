import ArgumentParser
import Foundation
import TerminologyStore
import Workspace

/// `steward request ...`: change requests in the workspace.
struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Change requests: create, list, show, move through review, comment, export for the national release centre.",
        subcommands: [
            RequestCreateCommand.self, RequestListCommand.self, RequestShowCommand.self, RequestUpdateCommand.self, RequestTransitionCommand.self,
            RequestCommentCommand.self, RequestAssignCommand.self, RequestExportCommand.self, RequestSatisfiedCommand.self,
        ])
}

extension WorkspaceOptions {
    func openWorkspace() throws -> Workspace {
        try Workspace(dataDirectory: ReleaseCatalog.dataDirectory(explicit: dataOptions.data))
    }

    /// The release to validate against: `--release`, else the newest imported, else none (with a warning).
    func boundRelease(_ reference: String?) throws -> ReleaseStore? {
        if reference == nil, try dataOptions.catalog.releases().isEmpty {
            Terminal.warn("no release imported: the request is checked for form only, not against a release")
            return nil
        }
        return try dataOptions.catalog.open(reference)
    }
}

/// A request id argument.
func parseRequestId(_ text: String) throws -> Int64 {
    guard let id = Int64(text), id > 0 else { throw ValidationError("'\(text)' is not a request id (a positive number)") }
    return id
}

/// Text renderings shared by list and show.
enum RequestOutput {
    static func table(_ requests: [ChangeRequest]) -> String {
        Terminal.table(
            ["ID", "TYPE", "STATUS", "VERSION", "REQUESTER", "ASSIGNEE", "SUMMARY"],
            requests.map { [String($0.id), $0.type.rawValue, $0.status.rawValue, String($0.version), $0.requester, $0.assignee ?? "-", $0.content.summary] })
    }

    static func text(_ record: RequestRecord) throws -> String {
        let request = record.request
        let content = request.content
        var lines = ["Request \(request.id): \(content.summary)"]
        func field(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append("  " + label.padding(toLength: 20, withPad: " ", startingAt: 0) + value) }
        }
        field("type", request.type.rawValue)
        field("status", "\(request.status.rawValue) (version \(request.version))")
        field("requester", request.requester)
        field("assignee", request.assignee)
        field("release", request.release)
        field("external reference", request.externalReference)
        field("topic", content.topic)
        field("use case", content.useCase)
        field("references", content.references.joined(separator: "; "))
        field("organisation", content.organisation)
        field("local code", content.localCode)
        field("local term", content.localTerm)
        field("namespace", content.namespace)
        field("notes", content.notes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        field("payload", String(decoding: try encoder.encode(content.payload), as: UTF8.self))
        lines.append("History")
        for change in record.history {
            let move = change.from.map { "\($0.rawValue) → \(change.to.rawValue)" } ?? "created as \(change.to.rawValue)"
            lines.append(
                "  \(ISO8601DateFormatter().string(from: change.time))  \(change.actor) (\(change.role.rawValue))  \(move)"
                    + (change.reason.map { ": \($0)" } ?? ""))
        }
        if !record.comments.isEmpty {
            lines.append("Comments")
            for comment in record.comments {
                lines.append("  \(ISO8601DateFormatter().string(from: comment.time))  \(comment.author): \(comment.text)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
