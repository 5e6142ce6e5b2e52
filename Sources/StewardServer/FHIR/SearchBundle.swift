/// FHIR R4 `Bundle` of type `searchset`.
struct SearchBundle<Resource: Codable & Sendable>: Codable, Sendable {
    struct Entry: Codable, Sendable {
        struct Search: Codable, Sendable {
            var mode = "match"
        }
        var resource: Resource
        var search = Search()
    }

    var resourceType = "Bundle"
    var type = "searchset"
    var total: Int
    var entry: [Entry]?

    init(_ resources: [Resource]) {
        total = resources.count
        entry = resources.isEmpty ? nil : resources.map { Entry(resource: $0) }
    }
}
