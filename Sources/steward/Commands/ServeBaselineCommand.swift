import ArgumentParser
import Hummingbird
import StewardServer

/// `steward serve-baseline`: a bare Hummingbird server for `Scripts/bench-server.sh` (hidden).
struct ServeBaselineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-baseline", abstract: "Serve one trivial route (benchmark baseline).", shouldDisplay: false)

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8081

    func run() async throws {
        try await buildBaselineApplication(host: host, port: port).runService()
    }
}
