import RF2

/// One reference set member with its additional fields named as in the file header.
public struct RefsetMember: Sendable, Hashable {
    public var id: RF2UUID
    public var effectiveTime: Int
    public var active: Bool
    public var moduleId: Int64
    public var refsetId: Int64
    public var referencedComponentId: Int64
    public var fields: [Field]

    /// A named additional column value, typed by the file's pattern letter.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: Value
    }

    public enum Value: Sendable, Hashable, CustomStringConvertible {
        case component(Int64)
        case integer(Int64)
        case string(String)

        public var description: String {
            switch self {
            case .component(let id): String(id)
            case .integer(let value): String(value)
            case .string(let text): text
            }
        }
    }

    /// The value of the named field, if the refset has it.
    public subscript(field name: String) -> Value? {
        fields.first { $0.name == name }?.value
    }
}

/// A refset present in the release, with how many members it has.
public struct RefsetSummary: Sendable, Hashable, Codable {
    public var refsetId: Int64
    public var members: Int
    public var activeMembers: Int
    public var fields: [String]
}
