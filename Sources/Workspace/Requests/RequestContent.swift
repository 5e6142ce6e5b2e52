/// What a requester writes: the common CRS fields plus the typed payload. This is the document `steward
/// request create --json FILE` reads and `update` replaces.
public struct RequestContent: Sendable, Hashable, Codable {
    /// One line, at most 255 characters; usually the proposed FSN.
    public var summary: String
    public var topic: String
    /// The proposed use case / justification.
    public var useCase: String
    /// Verifiable references (URLs, citations).
    public var references: [String]
    /// Originating organisation.
    public var organisation: String
    /// The code and term in the requester's local code system, if any.
    public var localCode: String
    public var localTerm: String
    /// The namespace the content should be created in (7 digits), if any.
    public var namespace: String
    public var notes: String
    public var payload: RequestPayload

    public static let maximumSummaryLength = 255

    public init(
        summary: String, topic: String = "", useCase: String, references: [String] = [], organisation: String = "", localCode: String = "",
        localTerm: String = "", namespace: String = "", notes: String = "", payload: RequestPayload
    ) {
        self.summary = summary
        self.topic = topic
        self.useCase = useCase
        self.references = references
        self.organisation = organisation
        self.localCode = localCode
        self.localTerm = localTerm
        self.namespace = namespace
        self.notes = notes
        self.payload = payload
    }

    public var type: RequestType { payload.type }

    private enum CodingKeys: String, CodingKey {
        case summary, topic, useCase, references, organisation, localCode, localTerm, namespace, notes, payload
    }

    /// Only `summary`, `useCase` and `payload` are required in a document; the rest default to empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        summary = try container.decode(String.self, forKey: .summary)
        topic = try container.decodeIfPresent(String.self, forKey: .topic) ?? ""
        useCase = try container.decode(String.self, forKey: .useCase)
        references = try container.decodeIfPresent([String].self, forKey: .references) ?? []
        organisation = try container.decodeIfPresent(String.self, forKey: .organisation) ?? ""
        localCode = try container.decodeIfPresent(String.self, forKey: .localCode) ?? ""
        localTerm = try container.decodeIfPresent(String.self, forKey: .localTerm) ?? ""
        namespace = try container.decodeIfPresent(String.self, forKey: .namespace) ?? ""
        notes = try container.decodeIfPresent(String.self, forKey: .notes) ?? ""
        payload = try container.decode(RequestPayload.self, forKey: .payload)
    }
}
