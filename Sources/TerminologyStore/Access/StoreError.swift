/// Errors from importing, finding or reading release stores; each message says what went wrong and where.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        case invalidOptions
        case missingFiles
        case releaseExists
        case unknownRelease
        case noReleases
        case missingDependency
        case referentialIntegrity
        case isaCycle
        case incompatibleStore
        case database
        /// A synchronous store read on a thread that serves requests (debug builds; see `StoreAccess`).
        case blockingAccess
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
