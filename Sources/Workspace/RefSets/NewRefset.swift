import RF2

/// What creating a refset needs.
public struct NewRefset: Sendable, Codable {
    public var name: String
    public var description: String
    public var owner: String
    @IDString public var moduleId: Int64
    public var language: String
    public var kind: RefsetKind
    public var ecl: String?
    /// The 7-digit namespace the refset concept and its description ids are allocated in.
    public var namespace: Int
    /// A refset concept id the refset already has elsewhere (a `RefSets/` file, another workspace); nil
    /// allocates a new one.
    @OptionalIDString public var id: Int64?

    public init(
        name: String, description: String = "", owner: String, moduleId: Int64, language: String, kind: RefsetKind, ecl: String? = nil, namespace: Int,
        id: Int64? = nil
    ) {
        self.name = name
        self.description = description
        self.owner = owner
        self.moduleId = moduleId
        self.language = language
        self.kind = kind
        self.ecl = ecl
        self.namespace = namespace
        self.id = id
    }
}
