/// Description types that search can match. Text definitions are not indexed (prose, not names).
public enum DescriptionKind: String, Sendable, Hashable, CaseIterable, Codable {
    case fullySpecifiedName = "fsn"
    case synonym
}
