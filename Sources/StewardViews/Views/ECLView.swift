/// JSON form of an ECL result; ids are strings.
public struct ECLView: Encodable {
    public var total: Int
    public var ids: [String]

    public init(total: Int, ids: [String]) {
        self.total = total
        self.ids = ids
    }
}
