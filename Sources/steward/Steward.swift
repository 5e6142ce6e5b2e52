import ArgumentParser

/// The `steward` command line: a thin front over the libraries (see CLI.md for the contract).
@main
struct Steward: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steward",
        abstract: "SNOMED CT release management: import, browse, validate and generate RF2 releases.",
        subcommands: [
            ImportCommand.self, ReleasesCommand.self, InfoCommand.self, ConceptCommand.self, SearchCommand.self, ECLCommand.self, DiffCommand.self, DeltaCommand.self, ImpactCommand.self, ValidateCommand.self, GenerateCommand.self,
            RefsetCommand.self, RequestCommand.self, TokenCommand.self, BackupCommand.self, RestoreCommand.self, AuditCommand.self, WorkspaceCommand.self, ServeCommand.self, ServeBaselineCommand.self,
        ])
}
