/// A report laid out as renderer-neutral tables and charts: the diff and the impact report are converted to
/// this once, and the CSV, Markdown and HTML renderers only know this shape.
public struct ReportDocument: Sendable {
    public var title: String
    public var subtitle: String
    /// Headline figures shown above everything else (label, value).
    public var summary: [(label: String, value: String)]
    public var charts: [ReportChart]
    public var sections: [ReportSection]
    /// Release-rule problems and other notes the reader must see.
    public var warnings: [String]

    public init(
        title: String, subtitle: String, summary: [(label: String, value: String)], charts: [ReportChart], sections: [ReportSection], warnings: [String]
    ) {
        self.title = title
        self.subtitle = subtitle
        self.summary = summary
        self.charts = charts
        self.sections = sections
        self.warnings = warnings
    }
}

/// A stacked bar chart: one bar per category, one stack segment per series.
public struct ReportChart: Sendable {
    public var title: String
    public var categories: [String]
    /// Series name and one value per category.
    public var series: [(name: String, values: [Int])]

    public init(title: String, categories: [String], series: [(name: String, values: [Int])]) {
        self.title = title
        self.categories = categories
        self.series = series
    }
}

/// One table of the report.
public struct ReportSection: Sendable {
    /// Stable identifier: the CSV file name stem and the HTML anchor (`new-concepts`).
    public var id: String
    public var title: String
    /// One sentence saying what the rows are.
    public var description: String
    public var columns: [String]
    public var rows: [[ReportCell]]

    public init(id: String, title: String, description: String, columns: [String], rows: [[ReportCell]]) {
        self.id = id
        self.title = title
        self.description = description
        self.columns = columns
        self.rows = rows
    }
}

/// A table cell; a cell naming a concept carries its id so renderers can link every mention of the concept.
public struct ReportCell: Sendable, Hashable, ExpressibleByStringLiteral {
    public var text: String
    public var conceptId: Int64?
    /// Right-aligned and sorted numerically.
    public var isNumber: Bool

    public init(_ text: String, conceptId: Int64? = nil, isNumber: Bool = false) {
        self.text = text
        self.conceptId = conceptId
        self.isNumber = isNumber
    }

    public init(stringLiteral value: String) { self.init(value) }

    public static func number(_ value: Int) -> ReportCell { ReportCell(String(value), isNumber: true) }

    public static func concept(_ id: Int64) -> ReportCell { ReportCell(String(id), conceptId: id) }
}
