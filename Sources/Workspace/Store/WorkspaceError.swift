import Foundation

/// Why a workspace operation was refused. Every case names the entity and says what to do, so the CLI can
/// print it and the server can map it to a status code (`kind`).
public struct WorkspaceError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public enum Kind: String, Sendable, CaseIterable {
        /// Input that can never succeed as given (400).
        case invalid
        /// No such refset, request, version, token ... (404).
        case notFound
        /// The caller's role does not allow the action (403).
        case forbidden
        /// The caller did not present a valid token (401).
        case unauthenticated
        /// An update based on a stale version (412 over HTTP with If-Match, 409 otherwise).
        case conflict
        /// A workflow transition that is not allowed from the current state (409).
        case illegalTransition
    }

    public let kind: Kind
    public let message: String
    /// For `.conflict`: the entity's current version, so a client can re-read and retry.
    public let currentVersion: Int?

    public init(_ kind: Kind, _ message: String, currentVersion: Int? = nil) {
        self.kind = kind
        self.message = message
        self.currentVersion = currentVersion
    }

    public var description: String { message }
    public var errorDescription: String? { message }

    static func notFound(_ entity: String, _ id: any CustomStringConvertible) -> WorkspaceError {
        WorkspaceError(.notFound, "no \(entity) \(id) in the workspace")
    }

    static func stale(_ entity: String, _ id: any CustomStringConvertible, expected: Int, current: Int) -> WorkspaceError {
        WorkspaceError(
            .conflict,
            "\(entity) \(id) was changed by someone else: your edit is based on version \(expected), the current version is \(current); reload and try again",
            currentVersion: current)
    }
}
