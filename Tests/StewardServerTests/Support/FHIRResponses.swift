import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Reading FHIR JSON answers in tests: parameters by name, parts, expansion entries.
enum FHIR {
    static let sct = "http://snomed.info/sct"
    static let int0101 = "http://snomed.info/sct/900000000000207008/version/20250101"
    static let int0201 = "http://snomed.info/sct/900000000000207008/version/20250201"
    static let no0215 = "http://snomed.info/sct/51000202101/version/20250215"

    /// Every parameter (or part) named `name`.
    static func parameters(_ object: [String: Any], _ name: String) -> [[String: Any]] {
        let list = (object["parameter"] as? [[String: Any]]) ?? (object["part"] as? [[String: Any]]) ?? []
        return list.filter { $0["name"] as? String == name }
    }

    static func parameter(_ object: [String: Any], _ name: String) -> [String: Any]? {
        parameters(object, name).first
    }

    /// The first `value[x]` of a parameter, whatever its type.
    static func value(_ parameter: [String: Any]?) -> Any? {
        guard let parameter else { return nil }
        return parameter.first { $0.key.hasPrefix("value") }?.value
    }

    static func string(_ object: [String: Any], _ name: String) -> String? {
        value(parameter(object, name)) as? String
    }

    static func bool(_ object: [String: Any], _ name: String) -> Bool? {
        value(parameter(object, name)) as? Bool
    }

    /// `$lookup` properties as (code, value, description) triples, in order; values as text (`true`, `42`).
    static func properties(_ object: [String: Any]) -> [(code: String, value: String, description: String?)] {
        parameters(object, "property").map { property in
            (string(property, "code") ?? "", text(parameter(property, "value")), string(property, "description"))
        }
    }

    /// A parameter's value as text; booleans as `true`/`false` (JSONSerialization reads them as numbers).
    static func text(_ parameter: [String: Any]?) -> String {
        guard let parameter, let (key, value) = parameter.first(where: { $0.key.hasPrefix("value") }).map({ ($0.key, $0.value) }) else { return "" }
        if key == "valueBoolean", let flag = value as? Bool { return flag ? "true" : "false" }
        return "\(value)"
    }

    /// The codes of an expansion, in order.
    static func codes(_ valueSet: [String: Any]) -> [String] {
        contains(valueSet).compactMap { $0["code"] as? String }
    }

    static func contains(_ valueSet: [String: Any]) -> [[String: Any]] {
        ((valueSet["expansion"] as? [String: Any])?["contains"] as? [[String: Any]]) ?? []
    }

    static func total(_ valueSet: [String: Any]) -> Int? {
        (valueSet["expansion"] as? [String: Any])?["total"] as? Int
    }

    /// One issue of an OperationOutcome: severity, `tx-issue-type` code, message id and `details.text`.
    struct Issue: Equatable, CustomStringConvertible {
        var severity: String
        var type: String?
        var messageId: String?
        var text: String

        var description: String { "\(severity) \(type ?? "-") \(messageId ?? "-"): \(text)" }
    }

    /// The issues of an OperationOutcome, or of the `issues` parameter of a `$validate-code` answer.
    static func issues(_ object: [String: Any]) -> [Issue] {
        let outcome = (parameter(object, "issues")?["resource"] as? [String: Any]) ?? object
        return ((outcome["issue"] as? [[String: Any]]) ?? []).map { issue in
            let details = issue["details"] as? [String: Any]
            let coding = (details?["coding"] as? [[String: Any]])?.first
            let id = (issue["extension"] as? [[String: Any]])?.first {
                $0["url"] as? String == "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id"
            }
            return Issue(
                severity: issue["severity"] as? String ?? "", type: coding?["code"] as? String, messageId: id?["valueString"] as? String,
                text: details?["text"] as? String ?? "")
        }
    }

    /// The diagnostics of an OperationOutcome.
    static func diagnostics(_ outcome: [String: Any]) -> String {
        ((outcome["issue"] as? [[String: Any]])?.first?["diagnostics"] as? String) ?? ""
    }

    /// `/fhir/<path>?<query>` with each value percent-encoded for a query.
    static func uri(_ path: String, _ query: [(String, String)]) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?/:%|")
        let items = query.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
        return "/fhir/\(path)" + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
    }

    /// `http://snomed.info/sct?fhir_vs=ecl/<ECL percent-encoded>`.
    static func eclValueSet(_ ecl: String, base: String = sct) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return "\(base)?fhir_vs=ecl/" + (ecl.addingPercentEncoding(withAllowedCharacters: allowed) ?? ecl)
    }

    /// A JSON request body.
    static func body(_ object: [String: Any]) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/fhir+json"]

    /// POSTs a FHIR JSON body to `/fhir/<path>`, expects `status` and returns the answer as JSON.
    static func post(_ client: some TestClientProtocol, _ path: String, _ body: [String: Any], status: HTTPResponse.Status = .ok) async throws
        -> [String: Any]
    {
        var object: [String: Any] = [:]
        try await client.execute(uri: "/fhir/\(path)", method: .post, headers: jsonHeaders, body: try Self.body(body)) { response in
            #expect(response.status == status)
            object = response.object
        }
        return object
    }

    /// A Parameters resource from name → value[x] pairs, e.g. `("code", ["valueCode": "22298006"])`.
    static func parametersResource(_ items: [(String, [String: Any])]) -> [String: Any] {
        ["resourceType": "Parameters", "parameter": items.map { name, value in value.merging(["name": name]) { first, _ in first } }]
    }
}
