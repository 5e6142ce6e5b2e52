import Foundation
import RF2
import Testing

@Suite struct RowReaderTests {
    func rows(_ text: String, name: String = "sct2_Concept_Snapshot_INT_20250101.txt") throws -> (header: [String], rows: [[String]]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rf2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        let file = RF2File(name: RF2FileName(name)!, location: .file(url), displayPath: name, size: text.utf8.count)
        var header: [String] = []
        var rows: [[String]] = []
        try RF2RowReader(file: file).read(header: { header = $0 }) { row in
            rows.append((0..<row.count).map { row.raw($0) })
        }
        return (header, rows)
    }

    @Test func crlfLfBlankLinesAndQuotes() throws {
        let text = "id\tterm\r\n1\t\"quoted\" term\r\n\r\n2\tplain\n3\t\nlast\twithout newline"
        let result = try rows(text)
        #expect(result.header == ["id", "term"])
        #expect(result.rows == [["1", "\"quoted\" term"], ["2", "plain"], ["3", ""], ["last", "without newline"]])
    }

    @Test func byteOrderMarkIsStripped() throws {
        let result = try rows("\u{FEFF}id\tx\r\n1\t2\r\n")
        #expect(result.header == ["id", "x"])
    }

    @Test func wrongColumnCountNamesLine() throws {
        #expect(throws: RF2Error(.wrongColumnCount, file: "sct2_Concept_Snapshot_INT_20250101.txt", line: 3, reason: "row has 3 columns, the header has 2")) {
            _ = try rows("a\tb\r\n1\t2\r\n1\t2\t3\r\n")
        }
    }

    @Test func emptyFileHasNoHeader() {
        #expect(throws: RF2Error.self) { _ = try rows("") }
    }

    @Test func typedFieldErrorsCarryLocation() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rf2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "sct2_Concept_Snapshot_INT_20250101.txt"
        let url = directory.appendingPathComponent(name)
        try Data("id\teffectiveTime\tactive\r\n138875005\t20250101\t1\r\n138875005\t20250101\tyes\r\n".utf8).write(to: url)
        let file = RF2File(name: RF2FileName(name)!, location: .file(url), displayPath: name, size: 0)
        var ids: [Int64] = []
        #expect(throws: RF2Error(.badBoolean, file: name, line: 3, column: "active", value: "yes", reason: "expected 1 or 0")) {
            try RF2RowReader(file: file).read(header: { _ in }) { row in
                ids.append(try row.sctid(0, kind: .concept))
                #expect(try row.date(1) == 20250101)
                _ = try row.bool(2)
            }
        }
        #expect(ids == [138875005, 138875005])
    }

    @Test func emptyEffectiveTimeIsNilAndAnyOtherNonDateAnError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rf2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "sct2_Concept_Snapshot_INT_20250814.txt"
        let url = directory.appendingPathComponent(name)
        try Data("id\teffectiveTime\r\n138875005\t20250814\r\n138875005\t\r\n138875005\t2025-08-14\r\n".utf8).write(to: url)
        let file = RF2File(name: RF2FileName(name)!, location: .file(url), displayPath: name, size: 0)
        var dates: [Int?] = []
        #expect(throws: RF2Error(.badDate, file: name, line: 4, column: "effectiveTime", value: "2025-08-14", reason: "not a valid YYYYMMDD date")) {
            try RF2RowReader(file: file).read(header: { _ in }) { row in dates.append(try row.optionalDate(1)) }
        }
        #expect(dates == [20250814, nil])
    }
}
