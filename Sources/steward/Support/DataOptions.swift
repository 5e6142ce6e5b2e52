import ArgumentParser
import Foundation
import TerminologyStore

/// `--data DIR`, accepted by every subcommand.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Data directory (default: $STEWARD_DATA, else ./steward-data).")
    var data: String?

    var catalog: ReleaseCatalog { ReleaseCatalog(dataDirectory: ReleaseCatalog.dataDirectory(explicit: data)) }
}

/// `--release NAME|VERSION-URI`, for commands that read one release.
struct ReleaseOption: ParsableArguments {
    @Option(name: .long, help: "Release name or version URI (default: the newest imported).")
    var release: String?
}
