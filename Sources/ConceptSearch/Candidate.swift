/// A matching description read from `search_term`, with its dynamic ranking key.
struct Candidate: Sendable {
    var rowid: Int64
    var descriptionId: Int64
    var conceptId: Int64
    var flags: Int64
    var match: MatchKind
    /// 0…n-1 preferred in the n-th requested refset, n acceptable there, n+1 FSN, n+2 preferred elsewhere, n+3 other.
    var dialectClass: Int
    var length: Int

    var conceptActive: Bool { flags & 1 == 0 }
    var descriptionActive: Bool { flags & 2 == 0 }

    /// Active concept, match kind, dialect, active description, shorter term, static order (stable).
    func ranksBefore(_ other: Candidate) -> Bool {
        (conceptActive ? 0 : 1, match.rawValue, dialectClass, descriptionActive ? 0 : 1, length, rowid)
            < (other.conceptActive ? 0 : 1, other.match.rawValue, other.dialectClass, other.descriptionActive ? 0 : 1, other.length, other.rowid)
    }
}
