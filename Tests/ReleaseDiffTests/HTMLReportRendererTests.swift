import Foundation
import ReleaseDiff
import Testing

@Suite struct HTMLReportRendererTests {
    private static let hostile = "<script>&\"'"
    private static let hostileEscaped = "&lt;script&gt;&amp;&quot;&#39;"

    @Test func escapesTextEverywhereItAppears() {
        let hostile = Self.hostile, escaped = Self.hostileEscaped
        let html = HTMLReportRenderer.render(
            ReportDocument(
                title: hostile, subtitle: "a < b", summary: [(label: hostile, value: "1 & 2")], charts: [],
                sections: [ReportSection(id: "s", title: hostile, description: hostile, columns: [hostile], rows: [[ReportCell(hostile)]])],
                warnings: [hostile]))
        #expect(html.contains("<title>\(escaped)</title>"))
        #expect(html.contains("<h1>\(escaped)</h1>"))
        #expect(html.contains("<p class=\"subtitle\">a &lt; b</p>"))
        #expect(html.contains("<div class=\"card\"><div class=\"value\">1 &amp; 2</div><div class=\"label\">\(escaped)</div></div>"))
        #expect(html.contains("<li>\(escaped)</li>"))
        #expect(html.contains("<li><a href=\"#s\">\(escaped)</a> <span class=\"count\">1 row</span></li>"))
        #expect(html.contains("id=\"s\" data-title=\"\(escaped)\">\n<h2>\(escaped) <span class=\"count\">1 row</span></h2>"))
        #expect(html.contains("<p class=\"description\">\(escaped)</p>"))
        #expect(html.contains("<th scope=\"col\">\(escaped)</th>"))
        #expect(html.contains("<tbody>\n<tr><td>\(escaped)</td></tr>\n</tbody>"))
        #expect(!html.contains(hostile))
        // The only script elements are the renderer's: the section's rows and the page script.
        #expect(occurrences(of: "<script", in: html) == 2)
    }

    @Test func embeddedRowsCannotCloseTheirScriptElement() throws {
        let nasty = "</script><script>alert(1)</script><!-- \\ \" \n\t\u{1} é"
        let html = HTMLReportRenderer.render(
            document([
                ReportSection(
                    id: "s", title: "S", description: "", columns: ["A", "B", "C"],
                    rows: [[ReportCell(nasty), ReportCell(nasty, conceptId: 22298006), .number(7)]])
            ]))
        let payloads = jsonPayloads(in: html)
        try #require(payloads.count == 1)
        #expect(!payloads[0].contains("<"))
        #expect(payloads[0].contains(#""\u003c/script>\u003cscript>alert(1)\u003c/script>\u003c!-- \\ \" \n\t\u0001 é""#))

        let rows = try #require(try JSONSerialization.jsonObject(with: Data(payloads[0].utf8)) as? [[Any]])
        try #require(rows.count == 1 && rows[0].count == 3)
        #expect(rows[0][0] as? String == nasty)
        let concept = try #require(rows[0][1] as? [Any])
        #expect(concept[0] as? String == nasty)
        #expect(concept[1] as? String == "22298006")
        #expect(concept[2] as? Int == 0)
        let number = try #require(rows[0][2] as? [Any])
        #expect(number[0] as? String == "7")
        #expect(number[1] is NSNull)
        #expect(number[2] as? Int == 1)
    }

    @Test func everySectionIsAnAnchorListedInTheContents() {
        let html = HTMLReportRenderer.render(
            document([
                ReportSection(id: "new-concepts", title: "New concepts", description: "", columns: ["Concept"], rows: [[.concept(1)], [.concept(2)]]),
                ReportSection(id: "term-changes", title: "Term changes", description: "", columns: ["Concept"], rows: [[.concept(3)]]),
                ReportSection(id: "nothing", title: "Nothing", description: "", columns: ["Concept"], rows: []),
            ]))
        for (id, title, count) in [("new-concepts", "New concepts", "2 rows"), ("term-changes", "Term changes", "1 row"), ("nothing", "Nothing", "0 rows")] {
            #expect(html.contains("<section class=\"report-section\" id=\"\(id)\" data-title=\"\(title)\">"))
            #expect(html.contains("<li><a href=\"#\(id)\">\(title)</a> <span class=\"count\">\(count)</span></li>"))
        }
    }

    @Test func conceptCellsLinkToTheirConcept() throws {
        let html = HTMLReportRenderer.render(
            document([
                ReportSection(
                    id: "s", title: "S", description: "", columns: ["Concept", "Module"],
                    rows: [[.concept(404684003), ReportCell("SNOMED CT core <module>", conceptId: 900000000000207008)]])
            ]))
        #expect(
            html.contains(
                "<tr><td><a class=\"concept\" href=\"#concept=404684003\" data-concept=\"404684003\">404684003</a></td>"
                    + "<td><a class=\"concept\" href=\"#concept=900000000000207008\" data-concept=\"900000000000207008\">SNOMED CT core &lt;module&gt;</a></td></tr>"
            ))
        #expect(jsonPayloads(in: html) == [#"[[["404684003","404684003",0],["SNOMED CT core \u003cmodule>","900000000000207008",0]]]"#])
    }

    @Test func chartHasOneStackedBarPerCategoryWithItsTotal() {
        let chart = ReportChart(
            title: "Changes per hierarchy", categories: ["Clinical finding", "Procedure", "Body structure"],
            series: [(name: "Added", values: [3, 5, 0]), (name: "Changed", values: [4, 0, 0]), (name: "Inactivated", values: [1, 2, 0])])
        let html = HTMLReportRenderer.render(ReportDocument(title: "T", subtitle: "", summary: [], charts: [chart], sections: [], warnings: []))

        #expect(occurrences(of: "<g class=\"bar\"", in: html) == 3)
        #expect(html.contains("<g class=\"bar\" data-total=\"8\"><title>Clinical finding: 8</title>"))
        #expect(html.contains("<g class=\"bar\" data-total=\"7\"><title>Procedure: 7</title>"))
        #expect(html.contains("<g class=\"bar\" data-total=\"0\"><title>Body structure: 0</title>"))
        #expect(occurrences(of: "<g class=\"legend-item\">", in: html) == 3)
        for label in ["Added (8)", "Changed (4)", "Inactivated (3)"] { #expect(html.contains(">\(label)</text>")) }
        // The largest bar spans the full 560 px from the 124 px label column: 3, 4 and 1 of 8.
        #expect(html.contains("<rect x=\"124\" y=\"30\" width=\"210\" height=\"18\" fill=\"#0072b2\"><title>Added: 3</title></rect>"))
        #expect(html.contains("<rect x=\"334\" y=\"30\" width=\"280\" height=\"18\" fill=\"#e69f00\"><title>Changed: 4</title></rect>"))
        #expect(html.contains("<rect x=\"614\" y=\"30\" width=\"70\" height=\"18\" fill=\"#009e73\"><title>Inactivated: 1</title></rect>"))
        #expect(html.contains("<text class=\"total\" x=\"690\" y=\"43\">8</text>"))
        // Zero values draw no segment: three segments, then two, then none.
        #expect(occurrences(of: "<rect x=", in: html) == 3 + 5)
    }

    @Test func emptySectionSaysSoInsteadOfATable() {
        let html = HTMLReportRenderer.render(
            document([ReportSection(id: "nothing", title: "Nothing", description: "Nothing changed.", columns: ["A"], rows: [])]))
        #expect(
            html.contains(
                "<section class=\"report-section\" id=\"nothing\" data-title=\"Nothing\">\n<h2>Nothing <span class=\"count\">0 rows</span></h2>\n"
                    + "<p class=\"description\">Nothing changed.</p>\n<p class=\"empty\">No rows.</p>\n</section>"))
        #expect(!html.contains("<table"))
        #expect(jsonPayloads(in: html).isEmpty)
    }

    @Test func onlyTheFirstPageIsWrittenAsTableRowsButEveryRowIsEmbedded() throws {
        let rows = (0..<250).map { [ReportCell.number($0), ReportCell("row \($0)")] }
        let html = HTMLReportRenderer.render(document([ReportSection(id: "big", title: "Big", description: "", columns: ["N", "Text"], rows: rows)]))
        #expect(occurrences(of: "<tr><td class=\"num\">", in: html) == 100)
        #expect(html.contains("<tr><td class=\"num\">99</td><td>row 99</td></tr>\n</tbody>"))
        #expect(html.contains("<th scope=\"col\" class=\"num\">N</th><th scope=\"col\">Text</th>"))
        #expect(html.contains("<noscript><p class=\"note\">Showing the first 100 of 250 rows; the CSV report has every row.</p></noscript>"))
        let payload = try #require(jsonPayloads(in: html).first)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [[Any]])
        #expect(decoded.count == 250)
    }

    /// Guards against quadratic building, with room for a loaded machine: 100 000 rows take about half a second
    /// in an optimised build and a few seconds in a debug build; a quadratic renderer would take minutes.
    @Test func renderingAHundredThousandRowsIsQuick() {
        let rows = (0..<50_000).map { index -> [ReportCell] in
            [
                .concept(Int64(100_000_000 + index)), ReportCell("Term \(index) of a <reasonably> long description"), .number(index), "changed",
                .concept(900000000000207008),
            ]
        }
        let section = { (id: String) in ReportSection(id: id, title: id, description: "", columns: ["Concept", "Term", "N", "Kind", "Module"], rows: rows) }
        let clock = ContinuousClock()
        var html = ""
        let elapsed = clock.measure { html = HTMLReportRenderer.render(document([section("a"), section("b")])) }
        #expect(elapsed < .seconds(30))
        #expect(occurrences(of: "<script type=\"application/json\"", in: html) == 2)
    }

    // MARK: - Helpers

    private func document(_ sections: [ReportSection]) -> ReportDocument {
        ReportDocument(title: "Report", subtitle: "", summary: [], charts: [], sections: sections, warnings: [])
    }

    /// The text of each rows element, up to the first `</script>`, which is where a browser ends the element.
    private func jsonPayloads(in html: String) -> [String] {
        html.components(separatedBy: "<script type=\"application/json\" class=\"section-rows\">").dropFirst().map { chunk in
            chunk.components(separatedBy: "</script>")[0]
        }
    }

    private func occurrences(of needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }
}
