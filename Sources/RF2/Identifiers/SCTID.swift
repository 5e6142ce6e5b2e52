/// SNOMED CT identifier rules: length, partition and check digit (RF2 §3.1).
///
/// Identifiers are 64-bit integers everywhere inside Steward; only JSON renders them as strings.
public enum SCTID {
    /// What kind of component an identifier's partition says it names.
    public enum Partition: Int, Sendable, CaseIterable {
        case concept = 0
        case description = 1
        case relationship = 2
        case extensionConcept = 10
        case extensionDescription = 11
        case extensionRelationship = 12
        case extensionExpression = 16

        /// The component kind, whatever the short/long format.
        public var componentKind: ComponentKind {
            switch self {
            case .concept, .extensionConcept: .concept
            case .description, .extensionDescription: .description
            case .relationship, .extensionRelationship: .relationship
            case .extensionExpression: .expression
            }
        }

        /// Long-format partitions carry a 7-digit namespace before the partition digits.
        public var isLongFormat: Bool { rawValue >= 10 }
    }

    public enum ComponentKind: String, Sendable {
        case concept, description, relationship, expression
    }

    /// Smallest and largest values an SCTID may take (6 to 18 digits).
    public static let minimum: Int64 = 100_000
    public static let maximum: Int64 = 999_999_999_999_999_999

    /// The partition of a syntactically plausible id, or nil when the partition digits are reserved.
    public static func partition(of id: Int64) -> Partition? {
        guard id >= minimum, id <= maximum else { return nil }
        return Partition(rawValue: Int((id / 10) % 100))
    }

    /// The 7-digit namespace of a long-format id, nil for short-format (International) ids.
    public static func namespace(of id: Int64) -> Int? {
        guard let partition = partition(of: id), partition.isLongFormat else { return nil }
        return Int((id / 1000) % 10_000_000)
    }

    /// Whether `id` is a well-formed SCTID: range, known partition and Verhoeff check digit.
    public static func isValid(_ id: Int64) -> Bool {
        guard partition(of: id) != nil else { return false }
        return Verhoeff.isValid(UInt64(id))
    }

    /// Whether `id` is valid and names a component of `kind`.
    public static func isValid(_ id: Int64, kind: ComponentKind) -> Bool {
        guard let partition = partition(of: id), partition.componentKind == kind else { return false }
        return Verhoeff.isValid(UInt64(id))
    }

    /// Builds an id from an item number, optional namespace and partition, appending the check digit.
    ///
    /// Short-format partitions (0, 1, 2) take no namespace; long-format ones (10, 11, 12, 16) need one.
    public static func make(item: Int64, namespace: Int? = nil, partition: Partition) -> Int64 {
        precondition(item >= 0, "item identifier must not be negative")
        precondition(partition.isLongFormat == (namespace != nil), "long-format partitions need a namespace")
        var payload = item
        if let namespace {
            precondition((0..<10_000_000).contains(namespace), "namespace must have at most 7 digits")
            payload = payload * 10_000_000 + Int64(namespace)
        }
        payload = payload * 100 + Int64(partition.rawValue)
        return payload * 10 + Int64(Verhoeff.checkDigit(for: UInt64(payload)))
    }
}
