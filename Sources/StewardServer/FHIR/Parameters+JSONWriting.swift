import StewardViews

// Every `$lookup`, `$validate-code`, `$subsumes` and `$translate` answer is a `Parameters`; members are
// written in sorted key order, as the shared encoder sorts them.

extension Parameters: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("parameter", parameter)
        writer.member("resourceType", resourceType)
        writer.endObject()
    }
}

extension Parameter: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("name", name)
        writer.member("part", part)
        writer.member("resource", resource)
        value?.writeMember(to: &writer)
        writer.endObject()
    }
}

extension ParameterResource: JSONWritable {
    func write(to writer: inout JSONWriter) {
        switch self {
        case .valueSet(let valueSet): valueSet.write(to: &writer)
        case .operationOutcome(let outcome): outcome.write(to: &writer)
        case .other(let type):
            writer.beginObject()
            writer.member("resourceType", type)
            writer.endObject()
        }
    }
}

extension FHIRValue {
    /// Writes the `value<Type>` member of the enclosing object.
    func writeMember(to writer: inout JSONWriter) {
        writer.key("value" + typeName)
        switch self {
        case .string(let text), .code(let text), .uri(let text), .canonical(let text), .dateTime(let text): writer.string(text)
        case .boolean(let flag): writer.bool(flag)
        case .integer(let number): writer.integer(number)
        case .decimal(let number): writer.decimal(number)
        case .coding(let coding): coding.write(to: &writer)
        case .codeableConcept(let concept): concept.write(to: &writer)
        }
    }
}

extension Coding: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("code", code)
        writer.member("display", display)
        writer.member("system", system)
        writer.member("version", version)
        writer.endObject()
    }
}

extension CodeableConcept: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("coding", coding)
        writer.member("text", text)
        writer.endObject()
    }
}
