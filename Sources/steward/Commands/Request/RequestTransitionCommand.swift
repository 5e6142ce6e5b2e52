import ArgumentParser
import Foundation
import Workspace

struct RequestTransitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transition",
        abstract:
            "Move a request to another status (submitted, under-review, clarification-needed, accepted, rejected, forwarded, released, closed, withdrawn).")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Request id.") var id: String
    @Argument(help: "The new status.") var status: String
    @Option(help: "Why (required to reject or to ask for clarification).") var reason: String?
    @Option(name: .customLong("external-reference"), help: "The national release centre's ticket id (required to forward).")
    var externalReference: String?
    @Option(help: "The version the move is based on (default: the current one).") var version: Int?

    func run() throws {
        let id = try parseRequestId(id)
        let target = try RequestStatus(parsing: status)
        let user = try workspace.user()
        let workspace = try workspace.openWorkspace()
        let expected = try version ?? workspace.request(id).version
        let request = try workspace.transitionRequest(
            id, to: target, expectedVersion: expected, reason: reason, externalReference: externalReference, by: user)
        print("request \(request.id) is \(request.status.rawValue) (version \(request.version))")
    }
}

struct RequestCommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Add a comment to a request.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Request id.") var id: String
    @Argument(help: "The comment.") var text: String

    func run() throws {
        let comment = try workspace.openWorkspace().commentOnRequest(try parseRequestId(id), text: text, by: try workspace.user())
        print("comment \(comment.id) added to request \(comment.requestId)")
    }
}

struct RequestAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign a request to a user (reviewer or admin).")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Request id.") var id: String
    @Argument(help: "The assignee's user name; omit with --none to unassign.") var assignee: String?
    @Flag(help: "Remove the assignment.") var none = false
    @Option(help: "The version the assignment is based on (default: the current one).") var version: Int?

    func validate() throws {
        if (assignee == nil) == !none { throw ValidationError("give an assignee or --none") }
    }

    func run() throws {
        let request = try workspace.openWorkspace().assignRequest(
            try parseRequestId(id), to: none ? nil : assignee, expectedVersion: version, by: try workspace.user())
        print("request \(request.id) is assigned to \(request.assignee ?? "nobody") (version \(request.version))")
    }
}
