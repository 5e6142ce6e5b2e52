/// How many rows of one component type a release holds, and how many are active.
public struct ComponentCount: Sendable, Codable, Hashable {
    public var component: String
    public var total: Int
    public var active: Int

    public init(component: String, total: Int, active: Int) {
        self.component = component
        self.total = total
        self.active = active
    }
}
