import Foundation

/// A comment on a change request.
public struct RequestComment: Sendable, Hashable, Codable {
    public var id: Int64
    public var requestId: Int64
    public var author: String
    public var time: Date
    public var text: String

    public init(id: Int64, requestId: Int64, author: String, time: Date, text: String) {
        self.id = id
        self.requestId = requestId
        self.author = author
        self.time = time
        self.text = text
    }

    private enum CodingKeys: String, CodingKey { case id, requestId, author, time, text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func number(_ key: CodingKeys) throws -> Int64 {
            let text = try container.decode(String.self, forKey: key)
            guard let value = Int64(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "'\(text)' is not an id")
            }
            return value
        }
        id = try number(.id)
        requestId = try number(.requestId)
        author = try container.decode(String.self, forKey: .author)
        time = Timestamp.date(try container.decode(String.self, forKey: .time))
        text = try container.decode(String.self, forKey: .text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(id), forKey: .id)
        try container.encode(String(requestId), forKey: .requestId)
        try container.encode(author, forKey: .author)
        try container.encode(Timestamp.text(time), forKey: .time)
        try container.encode(text, forKey: .text)
    }
}
