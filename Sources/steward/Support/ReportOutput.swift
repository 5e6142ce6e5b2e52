import ArgumentParser
import Foundation
import ReleaseDiff

/// `--format` and `--out` of the report commands (diff, impact), and writing a report in the chosen form.
struct ReportOutput: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, md, html }

    @Option(help: "Output format: text (summary), json, csv (one file per section into --out DIR), md or html.")
    var format: Format = .text

    @Option(help: "Write to this file (a directory for csv) instead of standard output.")
    var out: String?

    func validate() throws {
        if format == .csv && out == nil { throw ValidationError("--format csv writes one file per section: give --out DIR") }
    }

    /// Writes the report; `json` and `text` come from the caller because their shape is report-specific.
    func write(text: () -> String, json: () throws -> Data, document: () -> ReportDocument) throws {
        switch format {
        case .text: try emit(Data(text().utf8))
        case .json: try emit(json() + Data("\n".utf8))
        case .md: try emit(Data(MarkdownReportRenderer.render(document()).utf8))
        case .html: try emit(Data(HTMLReportRenderer.render(document()).utf8))
        case .csv:
            let files = try CSVReportRenderer.write(document(), to: URL(fileURLWithPath: out!))
            Terminal.note("wrote \(files.count) CSV files to \(out!)")
        }
    }

    private func emit(_ data: Data) throws {
        if let out {
            try data.write(to: URL(fileURLWithPath: out), options: .atomic)
            Terminal.note("wrote \(out) (\(data.count) bytes)")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
