import ArgumentParser
import Foundation
import Workspace
import StewardViews

/// `steward token create|list|revoke`: bearer tokens for the server's API.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create, list and revoke API tokens (admin only).",
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self])
}

struct TokenCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a token and print its secret — the only time it is shown.")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "The user the token stands for.")
    var user: String

    @Option(help: "viewer, author, reviewer or admin.")
    var role: String

    @Option(help: "What the token is for, e.g. the machine or integration using it.")
    var label = ""

    func run() throws {
        let role = try Role(parsing: role)
        let (workspace, admin) = try workspaceOptions.open()
        let (token, secret) = try workspace.createToken(for: user, role: role, label: label, by: admin)
        print(secret)
        Terminal.warn("token \(token.id) for \(token.user) (\(token.role.rawValue)): the secret above is shown only this once; store it now")
    }
}

struct TokenListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens, newest first (never their secrets).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    func run() throws {
        let (workspace, user) = try workspaceOptions.open()
        let tokens = try workspace.tokens(by: user)
        switch format {
        case .json:
            try Terminal.printJSON(tokens.map(TokenView.init))
        case .table:
            guard !tokens.isEmpty else {
                Terminal.note("no tokens in \(workspace.url.path)")
                return
            }
            let rows = tokens.map { token in
                [
                    String(token.id), token.user, token.role.rawValue, token.prefix + "…", Timestamp.text(token.createdAt), token.createdBy,
                    token.revokedAt.map { "revoked " + Timestamp.text($0) } ?? "active", token.label,
                ]
            }
            print(Terminal.table(["ID", "USER", "ROLE", "PREFIX", "CREATED", "BY", "STATUS", "LABEL"], rows))
        }
    }
}

struct TokenRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token: requests presenting it are refused from then on.")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: "The token's id (see `steward token list`).")
    var id: Int64

    func run() throws {
        let (workspace, admin) = try workspaceOptions.open()
        let token = try workspace.revokeToken(id, by: admin)
        Terminal.note("revoked token \(token.id) (\(token.prefix)…) of \(token.user) (\(token.role.rawValue))")
    }
}

/// Times given on the command line.
enum WorkspaceTime {
    /// `YYYY-MM-DD` (midnight UTC) or a full ISO 8601 time.
    static func parse(_ text: String) -> Date? {
        let full = text.count == 10 ? text + "T00:00:00Z" : text
        return (try? Date.ISO8601FormatStyle().parse(full)) ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(full))
    }
}
