// Concept detail is the REST API's hot read; members are written in sorted key order, as the shared encoder sorts them.

extension ConceptView: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("active", active)
        writer.member("children", children)
        writer.member("definitionStatus", definitionStatus)
        writer.member("descriptions", descriptions)
        writer.member("effectiveTime", effectiveTime)
        writer.member("fsn", fsn)
        writer.member("groups", groups)
        writer.member("historicalAssociations", historicalAssociations)
        writer.member("id", id)
        writer.member("inactivationReason", inactivationReason)
        writer.member("moduleId", moduleId)
        writer.member("parents", parents)
        writer.member("preferredTerm", preferredTerm)
        writer.member("refsetMemberships", refsetMemberships)
        writer.member("semanticTag", semanticTag)
        writer.endObject()
    }
}

extension ConceptView.Named: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("id", id)
        writer.member("term", term)
        writer.endObject()
    }
}

extension ConceptView.DescriptionView: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("acceptability", acceptability)
        writer.member("active", active)
        writer.member("caseSignificanceId", caseSignificanceId)
        writer.member("effectiveTime", effectiveTime)
        writer.member("id", id)
        writer.member("languageCode", languageCode)
        writer.member("moduleId", moduleId)
        writer.member("term", term)
        writer.member("typeId", typeId)
        writer.endObject()
    }
}

extension ConceptView.AttributeView: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("target", target)
        writer.member("type", type)
        writer.member("value", value)
        writer.endObject()
    }
}

extension ConceptView.GroupView: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("attributes", attributes)
        writer.member("group", group)
        writer.endObject()
    }
}

extension ConceptView.MembershipView: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("fields", fields)
        writer.member("memberId", memberId)
        writer.member("refset", refset)
        writer.endObject()
    }
}

extension ConceptView.AssociationView: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("refset", refset)
        writer.member("target", target)
        writer.endObject()
    }
}
