// Search is the REST API's other hot read; members are written in sorted key order, as the shared encoder sorts them.

extension SearchPageView: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("hits", hits)
        writer.member("limit", limit)
        writer.member("offset", offset)
        writer.member("total", total)
        writer.member("totalIsExact", totalIsExact)
        writer.endObject()
    }
}

extension SearchPageView.HitView: JSONWritable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("active", active)
        writer.member("conceptId", conceptId)
        writer.member("descriptionId", descriptionId)
        writer.member("fsn", fsn)
        writer.member("match", match)
        writer.member("preferredTerm", preferredTerm)
        writer.member("score", score)
        writer.member("semanticTag", semanticTag)
        writer.member("term", term)
        writer.endObject()
    }
}
