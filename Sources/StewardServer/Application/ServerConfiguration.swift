import Foundation
import Logging

/// Everything `steward serve` can be told: from flags, environment variables or a test.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var dataDirectory: URL
    /// Whether reads need no token. `nil` means: allowed when bound to a loopback address only.
    public var anonymousRead: Bool?
    /// Origins allowed by CORS (`*` for any); empty disables CORS headers.
    public var corsOrigins: [String]
    /// Largest accepted request body in bytes; larger bodies get 413.
    public var maxBodySize: Int
    /// Where bundled sample releases live, imported when the data directory has none (nil: never).
    public var sampleReleasesDirectory: URL?
    public var logLevel: Logger.Level
    /// Log one line per request (off in tests and benchmarks).
    public var logRequests: Bool
    /// How often the releases directory is checked for newly imported releases.
    public var releaseRefreshInterval: Duration
    /// Memory for answers to repeated reads of release data (0 turns the cache off).
    public var responseCacheBytes: Int
    /// How long one ECL evaluation may run before the request is answered with an error: the work stops
    /// too, so a costly expression cannot hold a thread after its client has given up.
    public var evaluationTimeLimit: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, dataDirectory: URL, anonymousRead: Bool? = nil, corsOrigins: [String] = [],
        maxBodySize: Int = 4 * 1024 * 1024, sampleReleasesDirectory: URL? = nil, logLevel: Logger.Level = .info, logRequests: Bool = true,
        releaseRefreshInterval: Duration = .seconds(1), responseCacheBytes: Int = 64 * 1024 * 1024, evaluationTimeLimit: Duration = .seconds(20)
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.anonymousRead = anonymousRead
        self.corsOrigins = corsOrigins
        self.maxBodySize = maxBodySize
        self.sampleReleasesDirectory = sampleReleasesDirectory
        self.logLevel = logLevel
        self.logRequests = logRequests
        self.releaseRefreshInterval = releaseRefreshInterval
        self.responseCacheBytes = responseCacheBytes
        self.evaluationTimeLimit = evaluationTimeLimit
    }

    /// Loopback binds allow anonymous reads unless told otherwise: whoever reaches them is on this machine.
    public var allowsAnonymousRead: Bool {
        anonymousRead ?? Self.isLoopback(host)
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
