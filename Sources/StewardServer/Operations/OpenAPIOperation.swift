/// One documented operation of the OpenAPI document.
struct OpenAPIOperation: Sendable {
    enum ParameterLocation: String, Sendable { case path, query, header }

    struct Parameter: Sendable {
        var name: String
        var location: ParameterLocation
        var description: String
        var required: Bool
        var type: String

        static func path(_ name: String, _ description: String) -> Parameter {
            Parameter(name: name, location: .path, description: description, required: true, type: "string")
        }
        static func query(_ name: String, _ description: String, required: Bool = false, type: String = "string") -> Parameter {
            Parameter(name: name, location: .query, description: description, required: required, type: type)
        }
        static func header(_ name: String, _ description: String, required: Bool = false) -> Parameter {
            Parameter(name: name, location: .header, description: description, required: required, type: "string")
        }
    }

    var method: String
    /// In OpenAPI form: `/api/v1/concepts/{id}`.
    var path: String
    var tag: String
    var summary: String
    var parameters: [Parameter] = []
    /// A short description of the JSON request body, when there is one.
    var body: String? = nil
    /// The media type of the request body.
    var bodyType = "application/json"
    /// `nil`: open; `"read"`: any token or anonymous when allowed; else the minimum role.
    var access: String? = "read"
    /// Response statuses besides 200 that the operation documents.
    var errors: [Int] = [400, 404]
    /// The status of a successful answer (201 for creations).
    var successStatus = 200
    var responseType = "application/json"
}
