import Foundation
import Hummingbird
import NIOCore
import TerminologyStore

/// The input parameters of one operation call, whether they came as query parameters (GET) or as a
/// `Parameters` resource (POST). A parameter in the body wins over one of the same name in the query.
/// Coded parameters come as `system|code` in a query (`coding=http://snomed.info/sct|22298006`).
struct OperationInput: Sendable {
    let body: Parameters
    let request: Request

    /// Reads the POST body (empty, a `Parameters` resource, or, where `bareValueSet` allows it, a
    /// `ValueSet` that stands for the `valueSet` parameter).
    static func read(_ request: Request, context: StewardRequestContext, bareValueSet: Bool = false) async throws -> OperationInput {
        guard request.method == .post else { return OperationInput(body: Parameters(), request: request) }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let data = Data(buffer.readableBytesView)
        guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            return OperationInput(body: Parameters(), request: request)
        }
        let type = try JSONBody.decode(ResourceTypeProbe.self, from: data).resourceType
        switch type {
        case "Parameters":
            return OperationInput(body: try JSONDecoder().decode(Parameters.self, from: data), request: request)
        case "ValueSet" where bareValueSet:
            let valueSet = Parameter("valueSet", resource: .valueSet(try JSONDecoder().decode(ValueSet.self, from: data)))
            return OperationInput(body: Parameters([valueSet]), request: request)
        default:
            let expected = bareValueSet ? "a Parameters resource or a ValueSet" : "a Parameters resource"
            throw APIError.badRequest("the request body must be \(expected), got \(type.map { "a \($0) resource" } ?? "JSON without resourceType")")
        }
    }

    private struct ResourceTypeProbe: Decodable {
        var resourceType: String?
    }

    /// Whether the caller gave `name` at all.
    func has(_ name: String) -> Bool {
        body.first(name) != nil || request.query(name) != nil
    }

    /// A primitive parameter as text (string, code, uri, canonical ...).
    func string(_ name: String) throws -> String? {
        if let parameter = body.first(name) {
            guard let value = parameter.value else { throw APIError.badRequest("parameter '\(name)' has no value") }
            guard let text = value.text else {
                throw APIError.badRequest(
                    "parameter '\(name)' must be a primitive value (valueString, valueCode, valueUri ...), got value\(value.typeName)")
            }
            return text.isEmpty ? nil : text
        }
        return request.query(name)
    }

    /// Every value of a repeating primitive parameter (`property`), in order.
    func strings(_ name: String) throws -> [String] {
        let parameters = body.all(name)
        if !parameters.isEmpty {
            return try parameters.map { parameter in
                guard let text = parameter.value?.text else { throw APIError.badRequest("parameter '\(name)' must be a code or string") }
                return text
            }
        }
        return request.queryAll(name)
    }

    func bool(_ name: String) throws -> Bool? {
        if let parameter = body.first(name) {
            switch parameter.value {
            case .boolean(let flag): return flag
            case .some(let value) where value.text != nil: return try Self.parseBool(value.text ?? "", name: name)
            default: throw APIError.badRequest("parameter '\(name)' must be valueBoolean")
            }
        }
        return try request.query(name).map { try Self.parseBool($0, name: name) }
    }

    private static func parseBool(_ text: String, name: String) throws -> Bool {
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw APIError.badRequest("parameter '\(name)' must be true or false, got '\(text)'")
        }
    }

    func int(_ name: String, range: ClosedRange<Int>) throws -> Int? {
        let number: Int
        if let parameter = body.first(name) {
            switch parameter.value {
            case .integer(let value): number = value
            case .some(let value) where value.text.flatMap(Int.init) != nil: number = Int(value.text ?? "") ?? 0
            default: throw APIError.badRequest("parameter '\(name)' must be valueInteger")
            }
        } else if let text = request.query(name) {
            guard let value = Int(text) else { throw APIError.badRequest("parameter '\(name)' must be an integer, got '\(text)'") }
            number = value
        } else {
            return nil
        }
        guard range.contains(number) else {
            throw APIError.badRequest("parameter '\(name)' must be from \(range.lowerBound) to \(range.upperBound), got \(number)")
        }
        return number
    }

    /// A Coding parameter: `valueCoding` in a body, `system|code` in a query.
    func coding(_ name: String) throws -> Coding? {
        if let parameter = body.first(name) {
            switch parameter.value {
            case .coding(let coding): return coding
            case .some(let value) where value.text != nil: return Coding(token: value.text ?? "")
            default: throw APIError.badRequest("parameter '\(name)' must be valueCoding")
            }
        }
        return request.query(name).map(Coding.init(token:))
    }

    /// A CodeableConcept parameter (body only; a query gives one `system|code` coding).
    func codeableConcept(_ name: String) throws -> CodeableConcept? {
        if let parameter = body.first(name) {
            guard case .codeableConcept(let concept) = parameter.value else {
                throw APIError.badRequest("parameter '\(name)' must be valueCodeableConcept")
            }
            return concept
        }
        return request.query(name).map { CodeableConcept(coding: [Coding(token: $0)]) }
    }

    /// A ValueSet resource parameter (POST only).
    func valueSet(_ name: String) throws -> ValueSet? {
        guard let parameter = body.first(name) else {
            if request.query(name) != nil {
                throw APIError.badRequest("parameter '\(name)' is a resource: POST it in a Parameters body (or use 'url' for a value set by URL)")
            }
            return nil
        }
        switch parameter.resource {
        case .valueSet(let valueSet): return valueSet
        case .operationOutcome: throw APIError.badRequest("parameter '\(name)' must be a ValueSet resource, got an OperationOutcome")
        case .other(let type):
            throw APIError.badRequest(
                "parameter '\(name)' must be a ValueSet resource, got \(type.isEmpty ? "a resource without resourceType" : type)")
        case nil: throw APIError.badRequest("parameter '\(name)' must carry a ValueSet in 'resource'")
        }
    }

    /// The value sets the request carries as `tx-resource` parameters: used for this request only, to
    /// resolve value set URLs, never stored. Other resource types are ignored (this server has no other use
    /// for them).
    func carriedValueSets() throws -> [ValueSet] {
        body.all("tx-resource").compactMap { parameter in
            if case .valueSet(let valueSet) = parameter.resource { return valueSet }
            return nil
        }
    }

    /// Rejects a resource parameter this server does not take (`codeSystem`, `conceptMap`) with a reason.
    func reject(_ name: String, _ reason: String) throws {
        if has(name) { throw APIError.badRequest("parameter '\(name)' is not supported: \(reason)") }
    }

    /// The display language: `displayLanguage`, else the Accept-Language header, else US then GB English.
    func language() throws -> LanguagePreference {
        if let tags = try string("displayLanguage") {
            return try LanguagePreference(parsing: tags)
        }
        guard let header = request.headers[.acceptLanguage] else { return .default }
        return Request.acceptLanguage(header) ?? .default
    }
}
