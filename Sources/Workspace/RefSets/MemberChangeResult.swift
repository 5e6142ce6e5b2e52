import RF2

/// What adding or removing refset entries did.
public struct MemberChangeResult: Sendable, Codable {
    public var refset: LocalRefset
    /// Concepts whose entry was added (or removed).
    @IDStrings public var changed: [Int64]
    /// Concepts that already had (or did not have) the entry.
    @IDStrings public var unchanged: [Int64]
    public var warnings: [MemberWarning]
}
