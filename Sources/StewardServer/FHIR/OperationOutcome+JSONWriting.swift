import StewardViews

// An OperationOutcome inside a `$validate-code` answer (`issues`); members in sorted key order, as the
// shared encoder writes them for error responses.

extension OperationOutcome: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("issue", issue)
        writer.member("resourceType", resourceType)
        writer.endObject()
    }
}

extension OperationOutcome.Issue: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("code", code)
        writer.member("details", details)
        writer.member("diagnostics", diagnostics)
        writer.member("expression", expression.map { $0.map(JSONString.init) })
        writer.member("extension", extension_)
        writer.member("location", location.map { $0.map(JSONString.init) })
        writer.member("severity", severity)
        writer.endObject()
    }
}

extension OperationOutcome.Details: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("coding", coding)
        writer.member("text", text)
        writer.endObject()
    }
}

extension OperationOutcome.Coding: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("code", code)
        writer.member("system", system)
        writer.endObject()
    }
}

extension OperationOutcome.Extension: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("url", url)
        writer.member("valueString", valueString)
        writer.endObject()
    }
}

/// A string element of an array.
private struct JSONString: JSONWritable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    func write(to writer: inout JSONWriter) {
        writer.string(text)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
