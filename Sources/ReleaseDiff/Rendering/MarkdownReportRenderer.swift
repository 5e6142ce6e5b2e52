/// Renders a report as GitHub-flavoured Markdown: summary, warnings, then one pipe table per section.
/// Sections longer than `rowLimit` are cut with a note (the CSV and HTML forms hold every row).
public enum MarkdownReportRenderer {
    public static func render(_ document: ReportDocument, rowLimit: Int = 500) -> String {
        var out = "# \(document.title)\n\n\(document.subtitle)\n\n"
        out += "| | |\n|---|---:|\n"
        for item in document.summary { out += "| \(cell(item.label)) | \(cell(item.value)) |\n" }
        out += "\n"
        if !document.warnings.isEmpty {
            out += "## Warnings\n\n"
            for warning in document.warnings { out += "- \(cell(warning))\n" }
            out += "\n"
        }
        for section in document.sections {
            out += "## \(section.title)\n\n\(section.description)\n\n"
            guard !section.rows.isEmpty else {
                out += "_No rows._\n\n"
                continue
            }
            out += "| " + section.columns.map(cell).joined(separator: " | ") + " |\n"
            out += "|" + section.columns.indices.map { index in section.rows.first?[index].isNumber == true ? "---:" : "---" }.joined(separator: "|") + "|\n"
            for row in section.rows.prefix(rowLimit) {
                out += "| " + row.map { cell($0.text) }.joined(separator: " | ") + " |\n"
            }
            if section.rows.count > rowLimit {
                out += "\n_\(section.rows.count - rowLimit) more rows not shown; see the CSV or HTML report._\n"
            }
            out += "\n"
        }
        return out
    }

    private static func cell(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "|": escaped += "\\|"
            case "\n", "\r": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
