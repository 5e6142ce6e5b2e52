/// Which effective times of Full or Delta rows an import takes: `(after, asOf]`.
///
/// `asOf` materialises a Full release at a date; `after` turns a Full release into the delta since a base
/// release (International packages no longer ship Delta files).
struct TimeWindow: Sendable, Hashable {
    var after: Int?
    var asOf: Int?

    static let all = TimeWindow(after: nil, asOf: nil)

    func contains(_ time: Int) -> Bool {
        if let asOf, time > asOf { return false }
        if let after, time <= after { return false }
        return true
    }
}
