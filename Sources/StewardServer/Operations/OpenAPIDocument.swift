import Foundation

/// The OpenAPI 3.1 description of every route. Operations are listed by hand per route family
/// (`OpenAPIDocument+*.swift`), separately from the router, and a test checks that each registered route
/// appears here, so the document cannot silently fall behind the code.
public enum OpenAPIDocument {
    static var operations: [OpenAPIOperation] {
        operationsOperations + releaseOperations + workspaceOperations + fhirOperations
    }

    public static let data: [UInt8] = {
        let object = document()
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Array(data)
    }()

    /// `METHOD /path` for every documented operation, e.g. `GET /api/v1/concepts/{id}`.
    public static var documentedRoutes: Set<String> {
        Set(operations.map { "\($0.method.uppercased()) \($0.path)" })
    }

    static func document() -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            paths[operation.path, default: [:]][operation.method.lowercased()] = render(operation)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Steward",
                "version": "1",
                "description": """
                SNOMED CT release management: releases, concepts, search, ECL, diffs, local refsets, change requests \
                (JSON under /api/v1) and FHIR R4 terminology operations (under /fhir). Ids are strings. Reads may be \
                anonymous when the server allows it; writes need a bearer token whose role allows them.
                """,
            ],
            "paths": paths,
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer", "description": "A workspace token (steward token create)."]],
                "schemas": [
                    "OperationOutcome": [
                        "type": "object",
                        "description": "FHIR R4 OperationOutcome (https://hl7.org/fhir/R4/operationoutcome.html)",
                        "required": ["resourceType", "issue"],
                        "properties": [
                            "resourceType": ["const": "OperationOutcome"],
                            "issue": [
                                "type": "array",
                                "items": [
                                    "type": "object",
                                    "properties": ["severity": ["type": "string"], "code": ["type": "string"], "diagnostics": ["type": "string"]],
                                ],
                            ],
                        ],
                    ],
                    "Error": [
                        "type": "object",
                        "required": ["status", "error", "message"],
                        "properties": [
                            "status": ["type": "integer"], "error": ["type": "string"], "message": ["type": "string"],
                            "currentVersion": ["type": "integer"],
                            "position": [
                                "type": "object",
                                "properties": ["line": ["type": "integer"], "column": ["type": "integer"], "offset": ["type": "integer"]],
                            ],
                        ],
                    ],
                ],
            ],
        ]
    }

    private static func render(_ operation: OpenAPIOperation) -> [String: Any] {
        var rendered: [String: Any] = [
            "tags": [operation.tag],
            "summary": operation.summary,
            "operationId": operationId(operation),
        ]
        if !operation.parameters.isEmpty {
            rendered["parameters"] = operation.parameters.map { parameter -> [String: Any] in
                [
                    "name": parameter.name, "in": parameter.location.rawValue, "description": parameter.description,
                    "required": parameter.required, "schema": ["type": parameter.type],
                ]
            }
        }
        if let body = operation.body {
            rendered["requestBody"] = [
                "required": true, "description": body,
                "content": [operation.bodyType: ["schema": ["type": operation.bodyType.contains("json") ? "object" : "string"]]],
            ]
        }
        var responses: [String: Any] = [
            String(operation.successStatus): [
                "description": operation.successStatus == 201 ? "Created" : "Success",
                "content": [operation.responseType: ["schema": ["type": operation.responseType.contains("json") ? "object" : "string"]]],
            ]
        ]
        // Under /fhir every error is an OperationOutcome; elsewhere the JSON error body.
        let errorContent: [String: Any] =
            operation.path.hasPrefix("/fhir")
            ? ["application/fhir+json": ["schema": ["$ref": "#/components/schemas/OperationOutcome"]]]
            : ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]
        for status in operation.errors {
            responses[String(status)] = ["description": errorDescription(status), "content": errorContent]
        }
        switch operation.access {
        case nil:
            rendered["security"] = [[String: [String]]]()
        case "read":
            rendered["security"] = [["bearer": []], [:]] as [[String: [String]]]
            responses["401"] = ["description": "A token is required (anonymous reads are off) or the token is unknown or revoked"]
        case let role?:
            rendered["security"] = [["bearer": []]]
            rendered["description"] = "Requires a token with at least the \(role) role."
            responses["401"] = ["description": "No token, or an unknown or revoked token"]
            responses["403"] = ["description": "The token's role does not allow this"]
        }
        rendered["responses"] = responses
        return rendered
    }

    private static func operationId(_ operation: OpenAPIOperation) -> String {
        let words = operation.path.split(whereSeparator: { "/{}$-.".contains($0) }).filter { $0 != "api" && $0 != "v1" }
        return operation.method.lowercased() + words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private static func errorDescription(_ status: Int) -> String {
        switch status {
        case 400: "Invalid input; the message names the parameter or field"
        case 404: "Unknown release, concept or entity"
        case 409: "Conflicting state (e.g. an illegal transition, a duplicate)"
        case 412: "If-Match does not match the current version; the body carries currentVersion"
        case 413: "Request body too large"
        case 428: "If-Match is required for this update"
        default: "Error"
        }
    }
}
