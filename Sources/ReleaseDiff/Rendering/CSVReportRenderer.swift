import Foundation

/// Writes each report section as `<section id>.csv` (RFC 4180: comma-separated, CRLF, quoted when needed),
/// so spreadsheets open every table of a diff or impact report.
public enum CSVReportRenderer {
    public static func render(_ section: ReportSection) -> String {
        var out = ""
        out.reserveCapacity(section.rows.count * 80)
        out += section.columns.map(field).joined(separator: ",") + "\r\n"
        for row in section.rows {
            out += row.map { field($0.text) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// Writes one file per section into `directory` (created if needed) and returns the file URLs.
    @discardableResult
    public static func write(_ document: ReportDocument, to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try document.sections.map { section in
            let url = directory.appendingPathComponent("\(section.id).csv")
            try Data(render(section).utf8).write(to: url, options: .atomic)
            return url
        }
    }

    /// One RFC 4180 field: quoted (quotes doubled) when it holds a comma, a quote or a line break. `isNewline`
    /// rather than comparing with "\n" and "\r", because Swift reads CRLF as one Character equal to neither.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One TSV field: TSV has no quoting, so tabs and line breaks become spaces.
    public static func tabField(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
