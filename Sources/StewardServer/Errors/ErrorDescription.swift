import ECL
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RF2
import TerminologyStore
import Workspace

/// How any error thrown by a handler is answered: status, message and details. Library errors carry
/// messages written for people, so they are passed through; anything unexpected becomes a 500 whose body
/// says only that, while the log gets the detail.
struct ErrorDescription: Sendable {
    var status: HTTPResponse.Status
    var message: String
    var currentVersion: Int?
    var position: ErrorPosition?
    var issue: FHIRIssue?
    /// Whether this is our fault (logged as an error) rather than the client's.
    var isInternal: Bool { status.code >= 500 }

    init(status: HTTPResponse.Status, message: String, currentVersion: Int? = nil, position: ErrorPosition? = nil, issue: FHIRIssue? = nil) {
        self.status = status
        self.message = message
        self.currentVersion = currentVersion
        self.position = position
        self.issue = issue
    }

    init(_ error: any Error) {
        switch error {
        case let error as APIError:
            self.init(
                status: error.status, message: error.message, currentVersion: error.currentVersion, position: error.position, issue: error.issue)
        case let error as ECLSyntaxError:
            self.init(
                status: .badRequest, message: error.description,
                position: ErrorPosition(line: error.line, column: error.column, offset: error.offset), issue: .invalidECL)
        case let error as ECLEvaluationError:
            self.init(status: .badRequest, message: "ECL cannot be evaluated: \(error.description)", issue: .invalidECL)
        case let error as StoreError:
            let status: HTTPResponse.Status =
                switch error.code {
                case .unknownRelease, .noReleases: .notFound
                case .invalidOptions: .badRequest
                case .releaseExists: .conflict
                // A release package that is inconsistent in itself: the input's fault, not the server's.
                case .missingFiles, .missingDependency, .referentialIntegrity, .isaCycle: .unprocessableContent
                case .incompatibleStore, .database, .blockingAccess: .internalServerError
                }
            self.init(status: status, message: error.message)
        case let error as RF2Error:
            // Release input that breaks the format: the message names file, line, column and value.
            self.init(status: .badRequest, message: error.description)
        case let error as WorkspaceError:
            let status: HTTPResponse.Status =
                switch error.kind {
                case .invalid: .badRequest
                case .notFound: .notFound
                case .forbidden: .forbidden
                case .unauthenticated: .unauthorized
                case .conflict: .conflict
                case .illegalTransition: .conflict
                }
            self.init(status: status, message: error.message, currentVersion: error.currentVersion)
        case let error as DecodingError:
            self.init(status: .badRequest, message: "invalid request body: \(Self.describe(error))")
        case let error as HTTPError:
            let message: String =
                switch error.status {
                case .contentTooLarge: "request body is larger than this server accepts"
                case .notFound: error.body ?? "no such route"
                case .methodNotAllowed: error.body ?? "method not allowed on this route"
                default: error.body ?? error.status.reasonPhrase
                }
            self.init(status: error.status, message: message)
        case is NIOTooManyBytesError:
            // A streamed (chunked) body that outgrew the limit while it was being collected.
            self.init(status: .contentTooLarge, message: "request body is larger than this server accepts")
        default:
            self.init(status: .internalServerError, message: "internal error")
        }
    }

    /// A decoding error as "field a.b: what was wrong", without Swift type names where possible.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? "body" : "field '\(path)'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field '\(key.stringValue)'" + (context.codingPath.isEmpty ? "" : " in \(parent)")
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(Self.typeName(type))"
        case .valueNotFound(let type, let context): return "\(path(context)): expected \(Self.typeName(type)), found null"
        case .dataCorrupted(let context):
            let detail = (context.underlyingError as NSError?)?.localizedDescription ?? context.debugDescription
            return "\(path(context)): \(context.codingPath.isEmpty ? "not valid JSON (\(detail))" : context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        case is Double.Type: "a number"
        default: "\(type)".hasPrefix("Array") ? "an array" : (("\(type)".hasPrefix("Dictionary")) ? "an object" : "a value of type \(type)")
        }
    }
}
