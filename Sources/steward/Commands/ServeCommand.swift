import ArgumentParser
import Foundation
import Hummingbird
import Logging
import StewardServer
import TerminologyStore

/// `steward serve`: the daemon (REST `/api/v1`, FHIR R4 `/fhir`), until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the daemon: REST API under /api/v1, FHIR R4 terminology under /fhir, /health, /ready, /metrics.",
        discussion: """
            Every option can also come from the environment (STEWARD_HOST, STEWARD_PORT, STEWARD_DATA, \
            STEWARD_ANONYMOUS_READ, STEWARD_CORS_ORIGIN, STEWARD_MAX_BODY, STEWARD_RESPONSE_CACHE_MB). On an empty data directory the sample \
            releases in Releases/ are imported first unless --empty is given. SIGTERM and SIGINT stop the server \
            gracefully: requests in flight finish, then the workspace is closed.
            """)

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Address to bind (default 127.0.0.1, or $STEWARD_HOST).")
    var host: String?

    @Option(help: "Port to listen on (default 8080, or $STEWARD_PORT).")
    var port: Int?

    @Option(
        name: .customLong("anonymous-read"),
        help: "Allow reads without a token: true or false (default: true on a loopback address, false otherwise).")
    var anonymousRead: Bool?

    @Option(name: .customLong("cors-origin"), help: "Allowed CORS origin (repeatable; * for any).")
    var corsOrigins: [String] = []

    @Option(name: .customLong("max-body"), help: "Largest accepted request body in bytes (default 4194304).")
    var maxBody: Int?

    @Option(name: .customLong("response-cache-mb"), help: "Memory for answers to repeated reads of release data, in MB (0: off; default 64).")
    var responseCacheMB: Int?

    @Option(name: .customLong("time-limit"), help: "Seconds one ECL evaluation may run before the request fails (default 20).")
    var timeLimit: Int?

    @Flag(help: "Do not import the sample releases into an empty data directory.")
    var empty = false

    @Flag(name: .customLong("quiet-requests"), help: "Do not log one line per request.")
    var quietRequests = false

    @Option(help: "Directory of sample release packages (default: Releases/ next to the current directory).")
    var samples: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let host = host ?? environment["STEWARD_HOST"] ?? "127.0.0.1"
        let port = try port ?? environment["STEWARD_PORT"].map(Self.integer) ?? 8080
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be from 0 to 65535")
        }
        let anonymous = try anonymousRead ?? environment["STEWARD_ANONYMOUS_READ"].map(Self.boolean)
        let cors = corsOrigins.isEmpty ? (environment["STEWARD_CORS_ORIGIN"]?.split(separator: ",").map(String.init) ?? []) : corsOrigins
        let maxBody = try maxBody ?? environment["STEWARD_MAX_BODY"].map(Self.integer) ?? 4 * 1024 * 1024
        guard maxBody > 0 else { throw ValidationError("--max-body must be positive") }
        let cacheMB = try responseCacheMB ?? environment["STEWARD_RESPONSE_CACHE_MB"].map(Self.integer) ?? 64
        guard cacheMB >= 0 else { throw ValidationError("--response-cache-mb must not be negative") }
        let timeLimit = try timeLimit ?? environment["STEWARD_TIME_LIMIT"].map(Self.integer) ?? 20
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
        var logger = Logger(label: "steward")
        logger.logLevel = .info
        let configuration = ServerConfiguration(
            host: host, port: port, dataDirectory: ReleaseCatalog.dataDirectory(explicit: dataOptions.data), anonymousRead: anonymous,
            corsOrigins: cors, maxBodySize: maxBody, sampleReleasesDirectory: empty ? nil : URL(fileURLWithPath: samples ?? "Releases"),
            logRequests: !quietRequests, responseCacheBytes: cacheMB * 1024 * 1024, evaluationTimeLimit: .seconds(timeLimit))
        let app = try buildApplication(configuration: configuration, logger: logger)
        logger.notice(
            "steward serving",
            metadata: [
                "address": "\(host):\(port)", "data": .string(configuration.dataDirectory.path),
                "anonymousRead": .stringConvertible(configuration.allowsAnonymousRead),
            ])
        try await app.runService()
    }

    private static func integer(_ text: String) throws -> Int {
        guard let value = Int(text) else { throw ValidationError("'\(text)' is not an integer") }
        return value
    }

    private static func boolean(_ text: String) throws -> Bool {
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw ValidationError("'\(text)' is not true or false")
        }
    }
}
