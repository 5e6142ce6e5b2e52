import RF2

/// A concept that was accepted but needs attention, with what the release suggests instead.
public struct MemberWarning: Sendable, Codable, Equatable {
    public struct Replacement: Sendable, Codable, Equatable {
        public var association: String
        @IDString public var conceptId: Int64
        public var term: String
    }

    @IDString public var conceptId: Int64
    public var term: String
    public var message: String
    public var reason: String?
    public var replacements: [Replacement]
}
