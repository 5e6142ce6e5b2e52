import Foundation
import ReleaseDiff
import Testing

@Suite struct ReportRendererTests {
    let document = ReportDocument(
        title: "T", subtitle: "S", summary: [("New", "2")], charts: [],
        sections: [
            ReportSection(
                id: "new-concepts", title: "New concepts", description: "D.", columns: ["Concept", "Term", "Count"],
                rows: [[.concept(401303003), "STEMI, \"acute\"", .number(3)], [.concept(840539006), "COVID-19 | severe", .number(12)]]),
            ReportSection(id: "empty", title: "Nothing", description: "E.", columns: ["A"], rows: []),
        ],
        warnings: ["w1"])

    @Test func csvQuotesAndUsesCRLF() {
        #expect(
            CSVReportRenderer.render(document.sections[0])
                == "Concept,Term,Count\r\n401303003,\"STEMI, \"\"acute\"\"\",3\r\n840539006,COVID-19 | severe,12\r\n")
        #expect(CSVReportRenderer.render(document.sections[1]) == "A\r\n")
        // CRLF is one Swift Character, equal to neither "\r" nor "\n": it must still be quoted.
        #expect(CSVReportRenderer.field("two\r\nlines") == "\"two\r\nlines\"")
        #expect(CSVReportRenderer.field("one\nline") == "\"one\nline\"")
    }

    @Test func csvWritesOneFilePerSection() throws {
        let directory = DiffFixtures.temporaryDirectory("csv")
        let files = try CSVReportRenderer.write(document, to: directory)
        #expect(files.map(\.lastPathComponent) == ["new-concepts.csv", "empty.csv"])
    }

    @Test func markdownTablesEscapePipes() {
        let markdown = MarkdownReportRenderer.render(document)
        #expect(
            markdown.contains("| Concept | Term | Count |\n|---|---|---:|\n| 401303003 | STEMI, \"acute\" | 3 |\n| 840539006 | COVID-19 \\| severe | 12 |\n"))
        #expect(markdown.contains("## Nothing\n\nE.\n\n_No rows._"))
        #expect(markdown.contains("- w1"))
        let cut = MarkdownReportRenderer.render(document, rowLimit: 1)
        #expect(cut.contains("_1 more rows not shown; see the CSV or HTML report._"))
    }
}
