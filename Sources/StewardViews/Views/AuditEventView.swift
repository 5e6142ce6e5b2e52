import Foundation
import Workspace

/// One page of the audit log, newest first (`steward audit --format json` and `GET /api/v1/audit`).
public struct AuditPageView: Encodable, Sendable {
    public var total: Int
    public var offset: Int
    public var events: [AuditEventView]

    public init(total: Int, offset: Int, events: [AuditEventView]) {
        self.total = total
        self.offset = offset
        self.events = events
    }
}

/// JSON form of an audit event: ids as strings, the before/after snapshots as JSON values (not text).
public struct AuditEventView: Encodable, Sendable {
    public var id: String
    public var time: String
    public var actor: String
    public var role: String
    public var action: String
    public var entity: String
    public var entityId: String
    public var before: JSONValue?
    public var after: JSONValue?
    public var note: String?

    public init(_ event: AuditEvent) {
        id = event.id.map(String.init) ?? ""
        time = Timestamp.text(event.time)
        actor = event.actor
        role = event.role.rawValue
        action = event.action
        entity = event.entity
        entityId = event.entityId
        before = event.before.map(JSONValue.init(text:))
        after = event.after.map(JSONValue.init(text:))
        note = event.note
    }
}

/// Any JSON value, to embed stored JSON text in the output as it is. Integers stay exact (no Double
/// round trip); text that is not JSON is kept as a string.
public indirect enum JSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(text: String) {
        self = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
