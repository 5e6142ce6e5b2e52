import Foundation

/// FHIR R4 `Parameters`: the input (POST body) and output of every terminology operation.
///
/// Each parameter has a name and one of a typed `value[x]`, a `resource` or nested `part`s. Values are
/// written back with the element name of their type (`valueCode`, `valueCoding` ...); on input the other
/// primitive types that share a JSON form are accepted too (`valueId` as a string, `valueUnsignedInt` as an
/// integer ...), so a client's choice of primitive does not matter.
struct Parameters: Codable, Sendable {
    var resourceType = "Parameters"
    var parameter: [Parameter]?

    init(_ parameter: [Parameter] = []) {
        self.parameter = parameter
    }

    /// Every parameter with `name`, in order.
    func all(_ name: String) -> [Parameter] {
        (parameter ?? []).filter { $0.name == name }
    }

    func first(_ name: String) -> Parameter? {
        parameter?.first { $0.name == name }
    }
}

/// One parameter of a `Parameters` resource (also used for `part`s).
struct Parameter: Codable, Sendable {
    var name: String
    var value: FHIRValue?
    var resource: ParameterResource?
    var part: [Parameter]?

    init(_ name: String, _ value: FHIRValue) {
        self.name = name
        self.value = value
    }

    init(_ name: String, parts: [Parameter]) {
        self.name = name
        part = parts
    }

    init(_ name: String, resource: ParameterResource) {
        self.name = name
        self.resource = resource
    }

    /// The part named `name`, for parameters with parts.
    func part(_ name: String) -> Parameter? {
        part?.first { $0.name == name }
    }

    private enum Keys: String, CodingKey { case name, resource, part }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        name = try container.decode(String.self, forKey: .name)
        resource = try container.decodeIfPresent(ParameterResource.self, forKey: .resource)
        part = try container.decodeIfPresent([Parameter].self, forKey: .part)
        value = try FHIRValue.decode(from: decoder, element: "parameter '\(name)'")
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(name, forKey: .name)
        try value?.encode(to: encoder)
        try container.encodeIfPresent(resource, forKey: .resource)
        try container.encodeIfPresent(part, forKey: .part)
    }
}

/// A resource carried by a parameter: a ValueSet (`$expand` and `$validate-code` take one), or any other
/// resource, kept only by type so that an error can name it.
enum ParameterResource: Codable, Sendable {
    case valueSet(ValueSet)
    /// The `issues` of `$validate-code` (output only).
    case operationOutcome(OperationOutcome)
    case other(resourceType: String)

    private enum Keys: String, CodingKey { case resourceType }

    init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: Keys.self).decodeIfPresent(String.self, forKey: .resourceType) ?? ""
        switch type {
        case "ValueSet": self = .valueSet(try ValueSet(from: decoder))
        case "OperationOutcome": self = .operationOutcome(try OperationOutcome(from: decoder))
        default: self = .other(resourceType: type)
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .valueSet(let valueSet): try valueSet.encode(to: encoder)
        case .operationOutcome(let outcome): try outcome.encode(to: encoder)
        case .other(let type):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(type, forKey: .resourceType)
        }
    }

    var resourceType: String {
        switch self {
        case .valueSet: "ValueSet"
        case .operationOutcome: "OperationOutcome"
        case .other(let type): type
        }
    }
}

/// A typed FHIR `value[x]`: the types terminology operations exchange.
enum FHIRValue: Sendable, Equatable {
    case string(String)
    case code(String)
    case uri(String)
    case canonical(String)
    case boolean(Bool)
    case integer(Int)
    case decimal(Double)
    case dateTime(String)
    case coding(Coding)
    case codeableConcept(CodeableConcept)

    /// The element name suffix: `value` + this.
    var typeName: String {
        switch self {
        case .string: "String"
        case .code: "Code"
        case .uri: "Uri"
        case .canonical: "Canonical"
        case .boolean: "Boolean"
        case .integer: "Integer"
        case .decimal: "Decimal"
        case .dateTime: "DateTime"
        case .coding: "Coding"
        case .codeableConcept: "CodeableConcept"
        }
    }

    /// The value as text, for the primitive types; nil for booleans, numbers and complex types.
    var text: String? {
        switch self {
        case .string(let text), .code(let text), .uri(let text), .canonical(let text), .dateTime(let text): text
        default: nil
        }
    }

    /// Writes `value<Type>` into the encoder's keyed container.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        let key = DynamicKey("value" + typeName)
        switch self {
        case .string(let text), .code(let text), .uri(let text), .canonical(let text), .dateTime(let text):
            try container.encode(text, forKey: key)
        case .boolean(let flag): try container.encode(flag, forKey: key)
        case .integer(let number): try container.encode(number, forKey: key)
        case .decimal(let number): try container.encode(number, forKey: key)
        case .coding(let coding): try container.encode(coding, forKey: key)
        case .codeableConcept(let concept): try container.encode(concept, forKey: key)
        }
    }

    /// A primitive type read as text, by its `value[x]` suffix; nil for the other types.
    private static func text(_ type: String, _ text: @autoclosure () throws -> String) rethrows -> FHIRValue? {
        switch type {
        case "String", "Markdown", "Id": .string(try text())
        case "Code": .code(try text())
        case "Uri", "Url", "Oid", "Uuid": .uri(try text())
        case "Canonical": .canonical(try text())
        case "DateTime", "Date", "Instant", "Time": .dateTime(try text())
        default: nil
        }
    }

    /// Reads the one `value[x]` element of the decoder's object, if any. Two value elements, or a type
    /// these operations do not take, are errors that name the element.
    static func decode(from decoder: any Decoder, element: String) throws -> FHIRValue? {
        let container = try decoder.container(keyedBy: DynamicKey.self)
        let keys = container.allKeys.filter { $0.stringValue.hasPrefix("value") && $0.stringValue.count > 5 }
        guard let key = keys.first else { return nil }
        guard keys.count == 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "\(element) has more than one value element (\(keys.map(\.stringValue).sorted().joined(separator: ", ")))")
        }
        let type = String(key.stringValue.dropFirst(5))
        if let value = try text(type, try container.decode(String.self, forKey: key)) {
            return value
        }
        switch type {
        case "Boolean": return .boolean(try container.decode(Bool.self, forKey: key))
        case "Integer", "UnsignedInt", "PositiveInt": return .integer(try container.decode(Int.self, forKey: key))
        case "Decimal": return .decimal(try container.decode(Double.self, forKey: key))
        case "Coding": return .coding(try container.decode(Coding.self, forKey: key))
        case "CodeableConcept": return .codeableConcept(try container.decode(CodeableConcept.self, forKey: key))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "\(element): value type \(key.stringValue) is not supported by this server's terminology operations")
        }
    }
}

/// A coding key for element names known only at run time (`value[x]`).
struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) {
        stringValue = string
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
