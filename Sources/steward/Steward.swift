import ArgumentParser
import RF2

/// The `steward` command line: a thin front over the libraries (see CLI.md for the contract).
@main
struct Steward: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steward",
        abstract: "SNOMED CT release management: import, browse, validate and generate RF2 releases.",
        subcommands: [
            ImportCommand.self, ReleasesCommand.self, InfoCommand.self, ConceptCommand.self, SearchCommand.self, ECLCommand.self, DiffCommand.self,
            DeltaCommand.self, ImpactCommand.self, ValidateCommand.self, GenerateCommand.self,
            RefsetCommand.self, RequestCommand.self, TokenCommand.self, BackupCommand.self, RestoreCommand.self, AuditCommand.self, WorkspaceCommand.self,
            ServeCommand.self, ServeBaselineCommand.self,
        ])

    /// ArgumentParser's own loop, except that library errors are printed with non-printable characters
    /// escaped: their messages quote input (terms, file names, ECL), which must not reach the terminal raw.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: EscapedError.wrapping(error))
        }
    }
}

/// A library error whose message is printed with non-printable characters escaped.
struct EscapedError: Error, CustomStringConvertible {
    let description: String

    /// ArgumentParser's own errors (help, usage, exit codes) pass through unchanged.
    static func wrapping(_ error: any Error) -> any Error {
        if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { return error }
        return EscapedError(description: String(describing: error).escapingNonPrintable)
    }
}
