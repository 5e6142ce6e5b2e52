import Foundation
import RF2
import Testing
import ZIPFoundation
@testable import TerminologyStore

/// Input crafted or damaged on the way: control characters in terms, corrupted zip entries, escape
/// sequences in messages, blank lines and mixed line endings. Each is refused with file, line and column, or
/// accepted with a warning, and a refused import leaves nothing behind.
@Suite struct HostileInputTests {
    let descriptionFile = "Snapshot/Terminology/sct2_Description_Snapshot-en_INT_20250101.txt"

    func importOutcome(_ mutate: (inout MiniRelease) -> Void, edit: ((URL) throws -> URL)? = nil) throws -> (Result<ImportSummary, any Error>, [String]) {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var release = MiniRelease.standard()
        mutate(&release)
        var package = try release.write(to: directory)
        if let edit { package = try edit(package) }
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))
        let result = Result { try ReleaseImporter(catalog: catalog).importRelease(from: [package]) }
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: catalog.releasesDirectory.path)) ?? []
        return (result, leftovers.filter { !$0.hasPrefix(".") || $0.contains("tmp") })
    }

    @Test(arguments: [("\u{0}", "NUL"), ("\r", "CR"), ("\u{1B}", "ESC"), ("\u{7F}", "DEL"), ("\u{1}", "U+0001")])
    func controlCharacterInTermIsRefused(_ character: String, _ name: String) throws {
        let (result, leftovers) = try importOutcome { $0.descriptions[3][7] = "Heart\(character)attack" }
        guard case .failure(let failure) = result, let error = failure as? RF2Error else {
            Issue.record("import accepted a term with \(name)")
            return
        }
        #expect(error.code == .badText)
        #expect(error.file == descriptionFile)
        #expect(error.line == 5)
        #expect(error.column == "term")
        #expect(error.reason == "contains the control character \(name) at character 6; RF2 text must not contain control characters")
        // The message quotes the value with the control character escaped, never raw.
        #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(leftovers.isEmpty)
    }

    @Test func errorMessagesEscapeTerminalSequences() {
        let error = RF2Error(.badText, file: "a\u{1B}]0;title\u{7}.txt", line: 3, column: "term", value: "x\u{1B}[31mred\u{0}", reason: "bad")
        #expect(error.description == "a\\u{1B}]0;title\\u{7}.txt:3: column term value 'x\\u{1B}[31mred\\u{0}': bad")
        #expect("Hjerteinfarkt – æøå".escapingNonPrintable == "Hjerteinfarkt – æøå")
        let problem = ValidationProblem(.error, .value, file: "f.txt", line: 2, column: "term", value: "\u{1B}[2J", message: "m")
        #expect(problem.description == "error [value]: f.txt:2: column term value '\\u{1B}[2J': m")
    }

    @Test func corruptedZipEntryFailsWithItsName() throws {
        let (result, leftovers) = try importOutcome({ _ in }) { package in
            let zip = package.deletingLastPathComponent().appendingPathComponent("package.zip")
            try FileManager.default.zipItem(at: package, to: zip, compressionMethod: .none)
            // Flip one byte of a stored (uncompressed) term: the entry still reads, only its CRC-32 tells.
            var data = try Data(contentsOf: zip)
            let needle = Data("Fully specified name".utf8)
            let range = try #require(data.range(of: needle))
            data[range.lowerBound] = UInt8(ascii: "N")
            try data.write(to: zip)
            return zip
        }
        guard case .failure(let failure) = result, let error = failure as? RF2Error else {
            Issue.record("a corrupted zip imported")
            return
        }
        #expect(error.code == .badZip)
        #expect(error.file?.hasPrefix("package.zip:") == true)
        #expect(error.file?.hasSuffix("sct2_Description_Snapshot-en_INT_20250101.txt") == true)
        #expect(error.reason.hasPrefix("zip entry is corrupt: its CRC-32 is "))
        #expect(leftovers.isEmpty)
    }

    @Test func blankLinesAndMixedLineEndingsAreWarnings() throws {
        let (result, _) = try importOutcome({ _ in }) { package in
            let url = package.appendingPathComponent(descriptionFile)
            var text = try String(contentsOf: url, encoding: .utf8)
            // Two LF-only lines and one blank line in a CRLF file.
            text = text.replacingOccurrences(of: "\r\n", with: "\n", options: [], range: text.range(of: "\r\n"))
            var lines = text.components(separatedBy: "\r\n")
            lines[2] += "\n"
            lines.insert("", at: 4)
            text = lines.joined(separator: "\r\n")
            try text.write(to: url, atomically: true, encoding: .utf8)
            return package
        }
        let summary = try result.get()
        // The first line break made LF-only, and one more LF-only line followed by a CRLF blank line, plus an inserted blank.
        #expect(
            summary.warnings == [
                "\(descriptionFile): 2 blank lines skipped",
                "\(descriptionFile): mixed line endings: 35 lines end with CRLF, 2 with LF only (RF2 requires CRLF)",
            ])
    }

    @Test func rowReaderCountsLineEndings() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("sct2_Concept_Snapshot_INT_20250101.txt")
        try Data("id\tactive\r\n1\t1\n\r\n2\t0\r\n".utf8).write(to: url)
        let file = RF2File(name: try #require(RF2FileName(url.lastPathComponent)), location: .file(url), displayPath: "c.txt", size: 0)
        var rows = 0
        let counts = try RF2RowReader(file: file).read(header: { _ in }, row: { _ in rows += 1 })
        #expect(rows == 2)
        #expect(counts == RF2LineCounts(crlf: 3, lfOnly: 1, blank: 1))
    }

    @Test func validatorReportsControlCharacters() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var release = MiniRelease.standard()
        release.descriptions[3][7] = "Heart\u{0}attack"
        let package = try release.write(to: directory)
        let report = try ReleaseValidator.validate(packages: [package])
        let problem = try #require(report.problems.first { $0.rule == .encoding && $0.file == descriptionFile })
        #expect(problem.severity == .error)
        #expect(problem.line == 5)
        #expect(problem.column == "term")
        #expect(problem.message == "contains a control character (such as NUL, a bare CR or ESC); RF2 text must not contain control characters")
        #expect(!problem.description.contains("\u{0}"))
    }
}
