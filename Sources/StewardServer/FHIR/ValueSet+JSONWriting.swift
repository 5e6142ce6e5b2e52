import StewardViews

// `$expand` answers with a ValueSet; members are written in sorted key order, as the shared encoder sorts them.

extension ValueSet: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("compose", compose)
        writer.member("date", date)
        writer.member("description", description)
        writer.member("expansion", expansion)
        writer.member("experimental", experimental)
        writer.member("id", id)
        writer.member("name", name)
        writer.member("publisher", publisher)
        writer.member("resourceType", resourceType)
        writer.member("status", status)
        writer.member("title", title)
        writer.member("url", url)
        writer.member("version", version)
        writer.endObject()
    }
}

extension ValueSet.Compose: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("exclude", exclude)
        writer.member("inactive", inactive)
        writer.member("include", include)
        writer.endObject()
    }
}

extension ValueSet.ConceptSet: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("concept", concept)
        writer.member("filter", filter)
        writer.member("system", system)
        if let valueSet {
            writer.key("valueSet")
            writer.beginArray()
            for url in valueSet { writer.string(url) }
            writer.endArray()
        }
        writer.member("version", version)
        writer.endObject()
    }
}

extension ValueSet.Concept: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("code", code)
        writer.member("display", display)
        writer.endObject()
    }
}

extension ValueSet.Filter: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("op", op)
        writer.member("property", property)
        writer.member("value", value)
        writer.endObject()
    }
}

extension ValueSet.Expansion: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("contains", contains)
        if unclosed == true {
            writer.key("extension")
            writer.beginArray()
            writer.beginObject()
            writer.member("url", "http://hl7.org/fhir/StructureDefinition/valueset-unclosed")
            writer.member("valueBoolean", true)
            writer.endObject()
            writer.endArray()
        }
        writer.member("identifier", identifier)
        writer.member("offset", offset)
        writer.member("parameter", parameter)
        writer.member("property", property)
        writer.member("timestamp", timestamp)
        writer.member("total", total)
        writer.endObject()
    }
}

extension ValueSet.ExpansionParameter: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("name", name)
        value?.writeMember(to: &writer)
        writer.endObject()
    }
}

extension ValueSet.Contains: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("code", code)
        writer.member("designation", designation)
        writer.member("display", display)
        writer.member("inactive", inactive)
        writer.member("property", property)
        writer.member("system", system)
        writer.member("version", version)
        writer.endObject()
    }
}

extension ValueSet.PropertyDeclaration: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("code", code)
        writer.member("uri", uri)
        writer.endObject()
    }
}

extension ValueSet.ContainsProperty: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("code", code)
        writer.member("valueCode", valueCode)
        writer.endObject()
    }
}

extension Designation: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("language", language)
        writer.member("use", use)
        writer.member("value", value)
        writer.endObject()
    }
}
