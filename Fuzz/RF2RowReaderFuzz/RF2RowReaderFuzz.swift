// libFuzzer target: the RF2 row reader on arbitrary bytes as a file (see FUZZING.md).
// Every row's fields are read with every typed accessor, and the rows are compared with a plain reference
// split of the same bytes (LF lines, one trailing CR dropped, BOM on line 1, blank lines skipped, TABs).
import Foundation
import RF2
import FuzzSupport

/// The input's file: in memory-backed /dev/shm where there is one. Made once per process, removed at exit.
private let url: URL = {
    let directory = URL(fileURLWithPath: FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
        .appendingPathComponent("steward-fuzz-rf2-\(getpid())")
    try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: URL(fileURLWithPath: "/dev/shm/steward-fuzz-rf2-\(getpid())")) }
    return directory.appendingPathComponent("sct2_Concept_Snapshot_INT_20250101.txt")
}()
private let file = RF2File(name: RF2FileName(url.lastPathComponent)!, location: .file(url), displayPath: url.lastPathComponent, size: 0)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    try! Data(bytes).write(to: url)
    let expected = reference(bytes)

    var header: [String]?
    var rows: [[[UInt8]]] = []
    do {
        try RF2RowReader(file: file).read(header: { header = $0 }) { row in
            check(row.count == header?.count, "row has \(row.count) fields, header \(header?.count ?? -1)")
            var fields: [[UInt8]] = []
            for index in 0..<row.count {
                let field = row.bytes(index)
                fields.append(Array(field))
                _ = row.raw(index)
                let text = try? row.string(index)
                if let text {
                    check(row.isValidUTF8(index), "string() accepted a field isValidUTF8() rejects: \(Array(field))")
                    check(Array(text.utf8) == Array(field), "string() changed the bytes: \(Array(field))")
                }
                _ = try? row.nonEmptyString(index)
                if let id = try? row.sctid(index) { check(id > 0, "sctid \(id)") }
                for kind in [SCTID.ComponentKind.concept, .description, .relationship] { _ = try? row.sctid(index, kind: kind) }
                _ = try? row.int(index)
                if let flag = try? row.bool(index) { check(field.count == 1 && field[0] == (flag ? 49 : 48), "bool from \(field)") }
                if let date = try? row.date(index) { check((10_000_101...99_991_231).contains(date), "date \(date)") }
                _ = try? row.uuid(index)
            }
            rows.append(fields)
        }
    } catch let error as RF2Error {
        if case .rows(let expectedHeader, let expectedRows) = expected {
            // The reader may stop only where the reference finds a row of the wrong width, or at no header.
            fatalError("reader failed (\(error)) where the reference reads header \(expectedHeader.count) and \(expectedRows.count) rows")
        }
        return 0
    } catch {
        fatalError("unexpected error type \(error)")
    }
    guard case .rows(let expectedHeader, let expectedRows) = expected else {
        fatalError("reader succeeded where the reference fails: \(expected)")
    }
    check(header == expectedHeader.map { String(decoding: $0, as: UTF8.self) }, "header differs")
    check(rows == expectedRows, "rows differ: \(rows) vs \(expectedRows)")
    return 0
}

private enum Expected {
    case rows(header: [[UInt8]], rows: [[[UInt8]]])
    case failure(String)
}

private func reference(_ bytes: [UInt8]) -> Expected {
    var header: [[UInt8]]?
    var rows: [[[UInt8]]] = []
    for (number, rawLine) in bytes.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
        var line = rawLine
        if line.last == 13 { line = line.dropLast() }
        if number == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        if line.isEmpty { continue }
        let fields = line.split(separator: 9, omittingEmptySubsequences: false).map { Array($0) }
        guard let header else {
            header = fields
            continue
        }
        if fields.count != header.count { return .failure("line \(number + 1): \(fields.count) fields") }
        rows.append(fields)
    }
    guard let header else { return .failure("no header") }
    return .rows(header: header, rows: rows)
}

@main enum FuzzMain {
    static func main() { FuzzDriver.run(fuzz) }
}
