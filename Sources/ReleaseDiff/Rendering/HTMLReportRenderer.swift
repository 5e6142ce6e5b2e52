import Foundation

/// Renders a report as one self-contained HTML5 page: inline CSS, inline SVG charts and an inline script,
/// so the file can be mailed or archived next to a release and opened offline in any browser.
///
/// The first page of every section is written as plain table rows, so the report is readable without
/// JavaScript (and in print). Every row is also embedded as JSON, from which the script builds sortable,
/// filterable, paged tables; a diff section can hold tens of thousands of rows, far more than a browser
/// lays out comfortably as one table. Cells naming a concept link to a panel listing every row of every
/// section that mentions the concept, reachable directly as `#concept=<id>`.
public enum HTMLReportRenderer {
    /// Rows per table page, both for the server-written first page and for the script's pager.
    private static let pageSize = 100

    public static func render(_ document: ReportDocument) -> String {
        var out = ""
        out.reserveCapacity(estimatedSize(of: document))
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        appendHTML(document.title, to: &out)
        out += "</title>\n<style>\n"
        out += stylesheet
        out += "</style>\n</head>\n<body>\n<main>\n"
        appendHeader(document, to: &out)
        appendContents(document.sections, to: &out)
        if !document.charts.isEmpty {
            out += "<section class=\"charts\" aria-label=\"Charts\">\n"
            for (index, chart) in document.charts.enumerated() { appendChart(chart, index: index, to: &out) }
            out += "</section>\n"
        }
        for section in document.sections { appendSection(section, to: &out) }
        out += "</main>\n"
        out += "<aside id=\"steward-concept-panel\" hidden aria-live=\"polite\"><div class=\"panel-head\"><h2></h2>"
        out += "<button type=\"button\" class=\"close\" aria-label=\"Close\">Close ×</button></div><div class=\"panel-body\"></div></aside>\n"
        out += "<script>\n"
        out += script
        out += "</script>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Page parts

    private static func appendHeader(_ document: ReportDocument, to out: inout String) {
        out += "<header>\n<h1>"
        appendHTML(document.title, to: &out)
        out += "</h1>\n"
        if !document.subtitle.isEmpty {
            out += "<p class=\"subtitle\">"
            appendHTML(document.subtitle, to: &out)
            out += "</p>\n"
        }
        if !document.summary.isEmpty {
            out += "<div class=\"cards\">\n"
            for item in document.summary {
                out += "<div class=\"card\"><div class=\"value\">"
                appendHTML(item.value, to: &out)
                out += "</div><div class=\"label\">"
                appendHTML(item.label, to: &out)
                out += "</div></div>\n"
            }
            out += "</div>\n"
        }
        if !document.warnings.isEmpty {
            out += "<div class=\"warnings\" role=\"alert\"><h2>Warnings (\(document.warnings.count))</h2>\n<ul>\n"
            for warning in document.warnings {
                out += "<li>"
                appendHTML(warning, to: &out)
                out += "</li>\n"
            }
            out += "</ul></div>\n"
        }
        out += "</header>\n"
    }

    private static func appendContents(_ sections: [ReportSection], to out: inout String) {
        guard !sections.isEmpty else { return }
        out += "<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2>\n<ol>\n"
        for section in sections {
            out += "<li><a href=\"#"
            appendHTML(section.id, to: &out)
            out += "\">"
            appendHTML(section.title, to: &out)
            out += "</a> <span class=\"count\">"
            out += rowCount(section.rows.count)
            out += "</span></li>\n"
        }
        out += "</ol></nav>\n"
    }

    private static func appendSection(_ section: ReportSection, to out: inout String) {
        out += "<section class=\"report-section\" id=\""
        appendHTML(section.id, to: &out)
        out += "\" data-title=\""
        appendHTML(section.title, to: &out)
        out += "\">\n<h2>"
        appendHTML(section.title, to: &out)
        out += " <span class=\"count\">"
        out += rowCount(section.rows.count)
        out += "</span></h2>\n"
        if !section.description.isEmpty {
            out += "<p class=\"description\">"
            appendHTML(section.description, to: &out)
            out += "</p>\n"
        }
        guard !section.rows.isEmpty else {
            out += "<p class=\"empty\">No rows.</p>\n</section>\n"
            return
        }
        out += "<table class=\"data\"><thead><tr>"
        for (index, column) in section.columns.enumerated() {
            out += isNumericColumn(index, of: section) ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">"
            appendHTML(column, to: &out)
            out += "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in section.rows.prefix(pageSize) { appendRow(row, to: &out) }
        out += "</tbody></table>\n"
        if section.rows.count > pageSize {
            out += "<noscript><p class=\"note\">Showing the first \(pageSize) of \(grouped(section.rows.count)) rows; "
            out += "the CSV report has every row.</p></noscript>\n"
        }
        out += "<script type=\"application/json\" class=\"section-rows\">["
        for (index, row) in section.rows.enumerated() {
            out += index == 0 ? "[" : ",\n["
            for (cellIndex, cell) in row.enumerated() {
                if cellIndex > 0 { out += "," }
                appendJSON(cell, to: &out)
            }
            out += "]"
        }
        out += "]</script>\n</section>\n"
    }

    /// Right-aligns a column's header when its first non-empty cell is a number.
    private static func isNumericColumn(_ column: Int, of section: ReportSection) -> Bool {
        section.rows.first { column < $0.count && !$0[column].text.isEmpty }?[column].isNumber ?? false
    }

    /// Mirrors the script's `rowNode`, so the first page looks the same before and after the script runs.
    private static func appendRow(_ row: [ReportCell], to out: inout String) {
        out += "<tr>"
        for cell in row {
            out += cell.isNumber ? "<td class=\"num\">" : "<td>"
            if let conceptId = cell.conceptId {
                let id = String(conceptId)
                out += "<a class=\"concept\" href=\"#concept="
                out += id
                out += "\" data-concept=\""
                out += id
                out += "\">"
                if cell.text.isEmpty { out += id } else { appendHTML(cell.text, to: &out) }
                out += "</a>"
            } else {
                appendHTML(cell.text, to: &out)
            }
            out += "</td>"
        }
        out += "</tr>\n"
    }

    /// A plain cell is a JSON string; a concept or number cell is `[text, "conceptId" or null, 1 if number else 0]`.
    /// Concept ids are strings because SCTIDs exceed the integers a JavaScript number holds exactly.
    private static func appendJSON(_ cell: ReportCell, to out: inout String) {
        guard cell.conceptId != nil || cell.isNumber else {
            appendJSONString(cell.text, to: &out)
            return
        }
        out += "["
        appendJSONString(cell.text, to: &out)
        if let conceptId = cell.conceptId {
            out += ",\""
            out += String(conceptId)
            out += "\""
        } else {
            out += ",null"
        }
        out += cell.isNumber ? ",1]" : ",0]"
    }

    // MARK: - Charts

    private static let chartColors = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#f0e442", "#7f7f7f"]
    /// Label colour readable on the matching `chartColors` entry.
    private static let chartInk = ["#fff", "#000", "#fff", "#fff", "#000", "#000", "#000", "#fff"]

    /// A stacked horizontal bar per category, drawn here rather than by the script so charts show in print
    /// and without JavaScript. Text widths are estimated at 7 px a character (12 px sans-serif).
    /// Counts are non-negative; a negative value is drawn and totalled as zero.
    private static func appendChart(_ chart: ReportChart, index: Int, to out: inout String) {
        out += "<figure class=\"chart\"><figcaption>"
        appendHTML(chart.title, to: &out)
        out += "</figcaption>\n"
        guard !chart.categories.isEmpty, !chart.series.isEmpty else {
            out += "<p class=\"empty\">No data.</p></figure>\n"
            return
        }
        let layout = ChartLayout(chart)
        let (legend, lines) = chartLegend(chart, layout)
        let top = lines * 20 + 10
        let height = top + chart.categories.count * ChartLayout.rowHeight

        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\""
        appendHTML(chart.title, to: &out)
        out += "\" viewBox=\"0 0 \(layout.width) \(height)\" width=\"\(layout.width)\" height=\"\(height)\">\n<g class=\"legend\">\n"
        out += legend
        out += "</g>\n"
        for (category, name) in chart.categories.enumerated() {
            appendBar(chart, layout, category: category, name: name, y: top + category * ChartLayout.rowHeight, to: &out)
        }
        out += "</svg></figure>\n"
    }

    /// The sizes of one chart: label column, bar scale and each category's total.
    private struct ChartLayout {
        static let labelLimit = 36
        static let barWidth = 560
        static let rowHeight = 26
        static let barHeight = 18
        let chart: ReportChart
        let totals: [Int]
        let scale: Int
        let labelWidth: Int
        var width: Int { labelWidth + Self.barWidth + 80 }

        init(_ chart: ReportChart) {
            self.chart = chart
            totals = chart.categories.indices.map { category in chart.series.indices.reduce(0) { $0 + Self.value(chart, $1, category) } }
            scale = max(totals.max() ?? 0, 1)
            labelWidth = max(60, min(chart.categories.map(\.count).max() ?? 0, Self.labelLimit) * 7 + 12)
        }

        /// A series' count in a category (missing or negative: zero).
        static func value(_ chart: ReportChart, _ series: Int, _ category: Int) -> Int {
            let values = chart.series[series].values
            return category < values.count ? max(0, values[category]) : 0
        }

        func value(_ series: Int, _ category: Int) -> Int { Self.value(chart, series, category) }

        /// The x of the bar's end after `sum`.
        func x(_ sum: Int) -> Int { labelWidth + (sum * Self.barWidth + scale / 2) / scale }
    }

    /// The legend: one swatch per series with its total, wrapping onto further lines; and its line count.
    private static func chartLegend(_ chart: ReportChart, _ layout: ChartLayout) -> (svg: String, lines: Int) {
        var legend = ""
        var x = 0
        var line = 0
        for series in chart.series.indices {
            let seriesTotal = chart.categories.indices.reduce(0) { $0 + layout.value(series, $1) }
            let label = "\(chart.series[series].name) (\(grouped(seriesTotal)))"
            let itemWidth = 18 + label.count * 7 + 16
            if x > 0 && x + itemWidth > layout.width {
                x = 0
                line += 1
            }
            let y = line * 20
            legend +=
                "<g class=\"legend-item\"><rect x=\"\(x)\" y=\"\(y + 2)\" width=\"12\" height=\"12\" fill=\"\(chartColors[series % chartColors.count])\"/>"
            legend += "<text x=\"\(x + 18)\" y=\"\(y + 12)\">"
            appendHTML(label, to: &legend)
            legend += "</text></g>\n"
            x += itemWidth
        }
        return (legend, line + 1)
    }

    /// One category's bar: its label, a segment per series, and the total.
    private static func appendBar(_ chart: ReportChart, _ layout: ChartLayout, category: Int, name: String, y: Int, to out: inout String) {
        let total = layout.totals[category]
        out += "<g class=\"bar\" data-total=\"\(total)\"><title>"
        appendHTML(name, to: &out)
        out += ": \(grouped(total))</title>"
        out += "<text class=\"category\" x=\"\(layout.labelWidth - 8)\" y=\"\(y + 13)\" text-anchor=\"end\">"
        appendHTML(name.count > ChartLayout.labelLimit ? String(name.prefix(ChartLayout.labelLimit - 1)) + "…" : name, to: &out)
        out += "</text>"
        // Segment edges come from the running sum, so rounding never leaves gaps or overlaps.
        var sum = 0
        for series in chart.series.indices {
            let amount = layout.value(series, category)
            guard amount > 0 else { continue }
            let start = layout.x(sum)
            sum += amount
            let end = layout.x(sum)
            let color = series % chartColors.count
            out +=
                "<rect x=\"\(start)\" y=\"\(y)\" width=\"\(end - start)\" height=\"\(ChartLayout.barHeight)\" fill=\"\(chartColors[color])\"><title>"
            appendHTML(chart.series[series].name, to: &out)
            out += ": \(grouped(amount))</title></rect>"
            let label = grouped(amount)
            if end - start >= label.count * 7 + 6 {
                out +=
                    "<text class=\"segment\" x=\"\((start + end) / 2)\" y=\"\(y + 13)\" text-anchor=\"middle\" fill=\"\(chartInk[color])\">\(label)</text>"
            }
        }
        out += "<text class=\"total\" x=\"\(layout.x(sum) + 6)\" y=\"\(y + 13)\">\(grouped(total))</text></g>\n"
    }

    // MARK: - Text

    private static func rowCount(_ count: Int) -> String {
        count == 1 ? "1 row" : "\(grouped(count)) rows"
    }

    /// `12345` as `12,345`, without Foundation's locale-dependent formatters.
    private static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    /// Escapes text for element content and quoted attribute values. Most cells need no escaping, so the
    /// byte scan lets them be appended whole.
    private static func appendHTML(_ text: String, to out: inout String) {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// A JSON string literal that is also safe inside a `<script>` element: every `<` is written as `\u003c`,
    /// so neither `</script>` nor `<!--` can appear in the element's text.
    private static func appendJSONString(_ text: String, to out: inout String) {
        out += "\""
        if text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C }) {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "<": out += "\\u003c"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    out += scalar.value < 0x10 ? "\\u000" : "\\u001"
                    out += String(scalar.value & 0xF, radix: 16)
                default: out.unicodeScalars.append(scalar)
                }
            }
        } else {
            out += text
        }
        out += "\""
    }

    /// Room for the fixed parts plus about 32 bytes a cell, so appending rarely reallocates.
    private static func estimatedSize(of document: ReportDocument) -> Int {
        let cells = document.sections.reduce(0) { $0 + $1.rows.count * max($1.columns.count, 1) }
        return stylesheet.utf8.count + script.utf8.count + 64 * 1024 + cells * 32
    }

    // MARK: - Inline assets

    /// The page's stylesheet and script, kept as files (`Resources/report.css`, `report.js`) and embedded in
    /// the binary at build time, so a report needs nothing next to the executable.
    private static let stylesheet = String(decoding: PackageResources.report_css, as: UTF8.self)
    private static let script = String(decoding: PackageResources.report_js, as: UTF8.self)
        .replacingOccurrences(of: "__PAGE_SIZE__", with: String(pageSize))
}
