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
        func value(_ series: Int, _ category: Int) -> Int {
            let values = chart.series[series].values
            return category < values.count ? max(0, values[category]) : 0
        }
        let totals = chart.categories.indices.map { category in chart.series.indices.reduce(0) { $0 + value($1, category) } }
        let scale = max(totals.max() ?? 0, 1)
        let labelLimit = 36
        let labelWidth = max(60, min(chart.categories.map(\.count).max() ?? 0, labelLimit) * 7 + 12)
        let barWidth = 560
        let width = labelWidth + barWidth + 80
        let rowHeight = 26
        let barHeight = 18

        // Legend: one swatch per series with its total, wrapping onto further lines.
        var legend = ""
        var x = 0
        var line = 0
        for series in chart.series.indices {
            let seriesTotal = chart.categories.indices.reduce(0) { $0 + value(series, $1) }
            let label = "\(chart.series[series].name) (\(grouped(seriesTotal)))"
            let itemWidth = 18 + label.count * 7 + 16
            if x > 0 && x + itemWidth > width {
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
        let top = (line + 1) * 20 + 10
        let height = top + chart.categories.count * rowHeight

        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\""
        appendHTML(chart.title, to: &out)
        out += "\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">\n<g class=\"legend\">\n"
        out += legend
        out += "</g>\n"
        for (category, name) in chart.categories.enumerated() {
            let y = top + category * rowHeight
            let total = totals[category]
            out += "<g class=\"bar\" data-total=\"\(total)\"><title>"
            appendHTML(name, to: &out)
            out += ": \(grouped(total))</title>"
            out += "<text class=\"category\" x=\"\(labelWidth - 8)\" y=\"\(y + 13)\" text-anchor=\"end\">"
            appendHTML(name.count > labelLimit ? String(name.prefix(labelLimit - 1)) + "…" : name, to: &out)
            out += "</text>"
            // Segment edges come from the running sum, so rounding never leaves gaps or overlaps.
            var sum = 0
            for series in chart.series.indices {
                let amount = value(series, category)
                guard amount > 0 else { continue }
                let start = labelWidth + (sum * barWidth + scale / 2) / scale
                sum += amount
                let end = labelWidth + (sum * barWidth + scale / 2) / scale
                let color = series % chartColors.count
                out += "<rect x=\"\(start)\" y=\"\(y)\" width=\"\(end - start)\" height=\"\(barHeight)\" fill=\"\(chartColors[color])\"><title>"
                appendHTML(chart.series[series].name, to: &out)
                out += ": \(grouped(amount))</title></rect>"
                let label = grouped(amount)
                if end - start >= label.count * 7 + 6 {
                    out +=
                        "<text class=\"segment\" x=\"\((start + end) / 2)\" y=\"\(y + 13)\" text-anchor=\"middle\" fill=\"\(chartInk[color])\">\(label)</text>"
                }
            }
            let end = labelWidth + (sum * barWidth + scale / 2) / scale
            out += "<text class=\"total\" x=\"\(end + 6)\" y=\"\(y + 13)\">\(grouped(total))</text></g>\n"
        }
        out += "</svg></figure>\n"
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

    private static let stylesheet = """
        :root { --fg: #1d2330; --muted: #5b6473; --line: #d9dee7; --soft: #f5f7fa; --head: #e9eef5; --accent: #0b5cad;
          --warn-bg: #fff4e0; --warn-line: #e69f00; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--fg); background: #fff;
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1320px; margin: 0 auto; padding: 24px 28px 64px; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 0 0 6px; }
        .subtitle { color: var(--muted); margin: 0 0 18px; overflow-wrap: anywhere; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 0 0 18px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--soft); }
        .card .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .card .label { color: var(--muted); font-size: 12.5px; }
        .warnings { border-left: 4px solid var(--warn-line); background: var(--warn-bg); padding: 10px 14px; border-radius: 4px;
          margin: 0 0 18px; }
        .warnings h2 { font-size: 15px; }
        .warnings ul { margin: 0; padding-left: 20px; }
        .error-banner { background: #fde8e8; border-left: 4px solid #c62828; padding: 8px 12px; margin: 0 0 12px; }
        nav.toc { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 0 0 20px; }
        nav.toc h2 { font-size: 15px; }
        nav.toc ol { margin: 0; padding-left: 22px; columns: 2 320px; }
        nav.toc li { break-inside: avoid; }
        a { color: var(--accent); }
        .count { color: var(--muted); font-size: 12.5px; font-weight: normal; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 780px), 1fr)); gap: 16px; }
        figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; break-inside: avoid; }
        figure.chart figcaption { font-weight: 600; margin-bottom: 8px; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        svg text.total { font-weight: 600; }
        section.report-section { margin-top: 34px; }
        section.report-section > h2 { border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        .description { color: var(--muted); margin: 0 0 8px; }
        .empty { color: var(--muted); font-style: italic; }
        table.data { border-collapse: collapse; width: 100%; font-size: 13px; }
        table.data th, table.data td { padding: 4px 8px; border-bottom: 1px solid #eceff4; text-align: left; vertical-align: top;
          overflow-wrap: break-word; }
        table.data th { background: var(--head); position: sticky; top: 0; white-space: nowrap; user-select: none; }
        .scripted table.data th { cursor: pointer; }
        table.data th[aria-sort=ascending]::after { content: " \\25B2"; }
        table.data th[aria-sort=descending]::after { content: " \\25BC"; }
        table.data tbody tr:nth-child(even) { background: #fafbfc; }
        table.data tbody tr:hover { background: #eef4fc; }
        .num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
        a.concept { text-decoration: none; border-bottom: 1px dotted currentColor; }
        .controls { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 6px 0 8px; }
        .controls input { font: inherit; padding: 5px 8px; min-width: 260px; border: 1px solid var(--line); border-radius: 4px; }
        .controls button, .panel-head button, .concept-filter button { font: inherit; padding: 3px 10px; border: 1px solid var(--line);
          border-radius: 4px; background: var(--soft); cursor: pointer; }
        .controls button:disabled { opacity: .45; cursor: default; }
        .pager { display: inline-flex; gap: 6px; align-items: center; }
        .status { margin: 0 4px; color: var(--muted); font-variant-numeric: tabular-nums; }
        .concept-filter { background: #e8f1fb; border-radius: 4px; padding: 2px 4px 2px 8px; }
        #steward-concept-panel { position: fixed; top: 0; right: 0; bottom: 0; width: min(620px, 94vw); background: #fff;
          border-left: 1px solid var(--line); box-shadow: -6px 0 18px rgba(0, 0, 0, .14); overflow: auto; padding: 14px 18px; z-index: 10; }
        #steward-concept-panel[hidden] { display: none; }
        .panel-head { display: flex; justify-content: space-between; gap: 12px; align-items: flex-start; }
        .panel-body h3 { font-size: 15px; margin: 16px 0 4px; }
        .panel-body .more { color: var(--muted); margin: 4px 0; }
        .panel-body .scroll { overflow-x: auto; }
        .panel-body table.data { font-size: 12px; }
        .panel-body table.data th { position: static; }
        @media print {
          main { max-width: none; padding: 0; }
          .controls, #steward-concept-panel, noscript, .error-banner { display: none !important; }
          body { font-size: 11px; }
          table.data th { position: static; }
          table.data tr { break-inside: avoid; }
          a, a.concept { color: inherit; border: 0; text-decoration: none; }
        }

        """

    private static let script = #"""
        (function () {
          "use strict";
          var PAGE = \#(pageSize);
          var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
          var sections = [];
          var conceptIndex = null;
          var panel = document.getElementById("steward-concept-panel");

          function text(c) { return c == null ? "" : typeof c === "string" ? c : c[0]; }
          function cid(c) { return c == null || typeof c === "string" ? null : c[1]; }
          function isNum(c) { return c != null && typeof c !== "string" && c[2] === 1; }
          function grouped(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
          function el(tag, cls, txt) {
            var e = document.createElement(tag);
            if (cls) e.className = cls;
            if (txt != null) e.textContent = txt;
            return e;
          }
          function button(label, onClick) {
            var b = el("button", null, label);
            b.type = "button";
            b.addEventListener("click", onClick);
            return b;
          }
          function rowNode(row) {
            var tr = document.createElement("tr");
            for (var i = 0; i < row.length; i++) {
              var c = row[i], td = el("td", isNum(c) ? "num" : null), id = cid(c);
              if (id) {
                var a = el("a", "concept", text(c) || id);
                a.href = "#concept=" + id;
                a.setAttribute("data-concept", id);
                td.appendChild(a);
              } else {
                td.textContent = text(c);
              }
              tr.appendChild(td);
            }
            return tr;
          }

          // Sorting: numbers (cells flagged isNumber) compare numerically and come before text.
          function sortKeys(s, column) {
            if (!s.keys[column]) {
              s.keys[column] = s.rows.map(function (row) {
                var c = row[column];
                if (isNum(c)) {
                  var v = parseFloat(text(c).replace(/[^0-9.eE+-]/g, ""));
                  if (!isNaN(v)) return v;
                }
                return text(c);
              });
            }
            return s.keys[column];
          }
          function compareKeys(x, y) {
            var xn = typeof x === "number", yn = typeof y === "number";
            if (xn && yn) return x - y;
            if (xn) return -1;
            if (yn) return 1;
            return collator.compare(x, y);
          }
          function haystack(s) {
            if (!s.hay) {
              s.hay = s.rows.map(function (row) {
                var parts = [];
                for (var i = 0; i < row.length; i++) {
                  parts.push(text(row[i]));
                  if (cid(row[i])) parts.push(cid(row[i]));
                }
                return parts.join("\t").toLowerCase();
              });
            }
            return s.hay;
          }

          function refilter(s) {
            var view;
            if (s.concept) {
              view = (buildIndex().get(s.concept) || []).filter(function (hit) { return hit[0] === s.index; })
                .map(function (hit) { return hit[1]; });
            } else {
              view = s.rows.map(function (_, i) { return i; });
            }
            var q = s.query.trim().toLowerCase();
            if (q) {
              var hay = haystack(s);
              view = view.filter(function (i) { return hay[i].indexOf(q) >= 0; });
            }
            s.view = view;
            sortView(s);
            s.page = 0;
            s.conceptChip.hidden = !s.concept;
            s.conceptLabel.textContent = s.concept || "";
            draw(s);
          }
          function sortView(s) {
            if (s.sortColumn < 0) return;
            var keys = sortKeys(s, s.sortColumn), dir = s.descending ? -1 : 1;
            s.view.sort(function (a, b) { return dir * compareKeys(keys[a], keys[b]) || a - b; });
          }
          function draw(s) {
            var total = s.view.length, pages = Math.max(1, Math.ceil(total / PAGE));
            s.page = Math.min(Math.max(s.page, 0), pages - 1);
            var start = s.page * PAGE, end = Math.min(total, start + PAGE);
            var body = document.createElement("tbody");
            body.setAttribute("data-built", "js");
            for (var i = start; i < end; i++) body.appendChild(rowNode(s.rows[s.view[i]]));
            if (total === 0) {
              var td = el("td", "empty", "No rows match.");
              td.colSpan = s.columns.length;
              body.appendChild(el("tr")).appendChild(td);
            }
            s.table.replaceChild(body, s.tbody);
            s.tbody = body;
            var filtered = total < s.rows.length ? " (filtered from " + grouped(s.rows.length) + ")" : "";
            s.status.textContent = total === 0 ? "0 rows" + filtered
              : grouped(start + 1) + "\u2013" + grouped(end) + " of " + grouped(total) + filtered
                + (pages > 1 ? " \u00b7 page " + grouped(s.page + 1) + " of " + grouped(pages) : "");
            s.first.disabled = s.prev.disabled = s.page === 0;
            s.next.disabled = s.last.disabled = s.page >= pages - 1;
            s.first.hidden = s.prev.hidden = s.next.hidden = s.last.hidden = pages === 1;
          }

          function setUp(node, index) {
            var s = {
              node: node, index: index, id: node.id, title: node.getAttribute("data-title"),
              rows: JSON.parse(node.querySelector("script.section-rows").textContent),
              table: node.querySelector("table.data"), keys: [], hay: null,
              query: "", concept: null, sortColumn: -1, descending: false, page: 0, view: null
            };
            s.tbody = s.table.tBodies[0];
            var headers = s.table.tHead.rows[0].cells;
            s.columns = Array.prototype.map.call(headers, function (th) { return th.textContent; });
            Array.prototype.forEach.call(headers, function (th, column) {
              th.tabIndex = 0;
              th.title = "Sort by " + th.textContent;
              function sort() {
                s.descending = s.sortColumn === column ? !s.descending : false;
                s.sortColumn = column;
                Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
                th.setAttribute("aria-sort", s.descending ? "descending" : "ascending");
                sortView(s);
                s.page = 0;
                draw(s);
              }
              th.addEventListener("click", sort);
              th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
            });

            var controls = el("div", "controls");
            var input = el("input");
            input.type = "search";
            input.placeholder = "Filter rows\u2026";
            input.setAttribute("aria-label", "Filter rows of " + s.title);
            var timer = null;
            input.addEventListener("input", function () {
              clearTimeout(timer);
              timer = setTimeout(function () { s.query = input.value; refilter(s); }, s.rows.length > 5000 ? 200 : 0);
            });
            controls.appendChild(input);
            s.conceptChip = el("span", "concept-filter", "Only rows mentioning concept ");
            s.conceptLabel = s.conceptChip.appendChild(el("strong"));
            s.conceptChip.appendChild(document.createTextNode(" "));
            s.conceptChip.appendChild(button("\u00d7", function () { s.concept = null; refilter(s); })).title = "Show all rows";
            s.conceptChip.hidden = true;
            controls.appendChild(s.conceptChip);
            var pager = el("span", "pager");
            s.first = pager.appendChild(button("\u00ab", function () { s.page = 0; draw(s); }));
            s.prev = pager.appendChild(button("\u2039 Prev", function () { s.page--; draw(s); }));
            s.status = pager.appendChild(el("span", "status"));
            s.next = pager.appendChild(button("Next \u203a", function () { s.page++; draw(s); }));
            s.last = pager.appendChild(button("\u00bb", function () { s.page = Infinity; draw(s); }));
            s.first.title = "First page";
            s.last.title = "Last page";
            controls.appendChild(pager);
            node.insertBefore(controls, s.table);
            s.view = s.rows.map(function (_, i) { return i; });
            draw(s);
            return s;
          }

          // Concept id -> [[section index, row index], ...], one entry per row mentioning the concept.
          function buildIndex() {
            if (conceptIndex) return conceptIndex;
            conceptIndex = new Map();
            sections.forEach(function (s) {
              s.rows.forEach(function (row, r) {
                for (var i = 0; i < row.length; i++) {
                  var id = cid(row[i]);
                  if (!id) continue;
                  var hits = conceptIndex.get(id);
                  if (!hits) conceptIndex.set(id, hits = []);
                  var last = hits[hits.length - 1];
                  if (!last || last[0] !== s.index || last[1] !== r) hits.push([s.index, r]);
                }
              });
            });
            return conceptIndex;
          }
          function conceptName(id, hits) {
            for (var h = 0; h < hits.length; h++) {
              var row = sections[hits[h][0]].rows[hits[h][1]];
              for (var i = 0; i < row.length; i++) {
                if (cid(row[i]) === id && text(row[i]) && text(row[i]) !== id) return text(row[i]);
              }
            }
            return "";
          }
          function openConcept(id) {
            var hits = buildIndex().get(id) || [];
            var name = conceptName(id, hits);
            panel.querySelector("h2").textContent = "Concept " + id + (name ? " \u00b7 " + name : "");
            var body = panel.querySelector(".panel-body");
            body.textContent = "";
            body.appendChild(el("p", "more", hits.length
              ? grouped(hits.length) + (hits.length === 1 ? " row mentions" : " rows mention") + " this concept."
              : "No row of this report mentions this concept."));
            var bySection = new Map();
            hits.forEach(function (hit) {
              if (!bySection.has(hit[0])) bySection.set(hit[0], []);
              bySection.get(hit[0]).push(hit[1]);
            });
            bySection.forEach(function (rows, sectionIndex) {
              var s = sections[sectionIndex];
              var h3 = body.appendChild(el("h3"));
              var link = h3.appendChild(el("a", null, s.title));
              link.href = "#" + s.id;
              h3.appendChild(el("span", "count", " " + grouped(rows.length) + (rows.length === 1 ? " row" : " rows")));
              var show = body.appendChild(el("a", null, "Show only these rows in the section"));
              show.href = "#" + s.id;
              show.addEventListener("click", function () { s.concept = id; refilter(s); });
              var table = body.appendChild(el("div", "scroll")).appendChild(el("table", "data"));
              var head = table.createTHead().insertRow();
              s.columns.forEach(function (name) { head.appendChild(el("th", null, name)); });
              var tbody = table.appendChild(document.createElement("tbody"));
              rows.slice(0, 25).forEach(function (r) { tbody.appendChild(rowNode(s.rows[r])); });
              if (rows.length > 25) body.appendChild(el("p", "more", "\u2026 and " + grouped(rows.length - 25) + " more in the section."));
            });
            panel.setAttribute("data-concept-open", id);
            panel.setAttribute("data-hits", String(hits.length));
            panel.hidden = false;
          }
          function closeConcept() {
            panel.hidden = true;
            panel.removeAttribute("data-concept-open");
            if (/^#concept=/.test(location.hash)) history.replaceState(null, "", location.pathname + location.search);
          }
          function route() {
            var m = /^#concept=(\d+)$/.exec(location.hash);
            if (m) openConcept(m[1]);
          }

          try {
            document.body.classList.add("scripted");
            Array.prototype.forEach.call(document.querySelectorAll("section.report-section"), function (node) {
              if (node.querySelector("script.section-rows")) sections.push(setUp(node, sections.length));
            });
            document.addEventListener("click", function (e) {
              var a = e.target.closest && e.target.closest("a.concept");
              if (!a) return;
              e.preventDefault();
              var id = a.getAttribute("data-concept");
              if (location.hash === "#concept=" + id) openConcept(id); else location.hash = "concept=" + id;
            });
            window.addEventListener("hashchange", route);
            panel.querySelector("button.close").addEventListener("click", closeConcept);
            document.addEventListener("keydown", function (e) { if (e.key === "Escape" && !panel.hidden) closeConcept(); });
            route();
            document.body.setAttribute("data-rendered", "ok");
          } catch (error) {
            document.body.setAttribute("data-rendered", "error");
            var banner = el("p", "error-banner", "The interactive tables could not be built: " + error);
            document.querySelector("main").insertBefore(banner, document.querySelector("main").firstChild);
          }
        })();

        """#
}
