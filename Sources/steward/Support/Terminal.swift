import Foundation
import RF2
import Workspace

/// Where human-facing output goes: data on stdout, progress and warnings on stderr.
enum Terminal {
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message.escapingNonPrintable)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message.escapingNonPrintable)\n".utf8))
    }

    /// A progress reporter that writes to stderr only when it is a terminal (CLI.md: quiet otherwise).
    static func progressReporter() -> (@Sendable (String) -> Void)? {
        guard stderrIsTerminal else { return nil }
        return { message in FileHandle.standardError.write(Data("\u{1B}[2K\r\(message.escapingNonPrintable.prefix(120))".utf8)) }
    }

    static func endProgress() {
        if stderrIsTerminal { FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8)) }
    }

    /// JSON with sorted keys and ids already rendered as strings by the caller.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Workspace times as the workspace stores them (ISO 8601 UTC with milliseconds), as the server answers them.
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.text(date))
        }
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Left-aligned columns for terminal tables.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}
