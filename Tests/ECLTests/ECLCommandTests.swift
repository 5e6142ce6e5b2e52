import Foundation
import Testing

/// `steward ecl` end to end: the built binary against the samples imported by `steward import`.
@Suite(.serialized) struct ECLCommandTests {
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("steward")

    func run(_ arguments: [String], data: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments + ["--data", data.path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
    func idsCountTableJsonAndErrors() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("ecl-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: data) }
        let release = SampleEdition.root.appendingPathComponent("Releases/SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z").path
        #expect(try run(["import", release], data: data).status == 0)

        let ids = try run(["ecl", "<! 56265001 |Heart disease|"], data: data)
        #expect(ids.status == 0)
        #expect(ids.stdout == "84114007\n414545008\n698247007\n")
        #expect(try run(["ecl", "<< 56265001", "--count"], data: data).stdout == "8\n")
        #expect(try run(["ecl", "<< 56265001", "--limit", "2"], data: data).stdout == "22298006\n49436004\n")
        let table = try run(["ecl", "<! 56265001", "--format", "table"], data: data)
        #expect(table.stdout.contains("414545008  Ischemic heart disease"))
        let json = try run(["ecl", "<! 56265001", "--format", "json"], data: data)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["ids"] as? [String] == ["84114007", "414545008", "698247007"])
        #expect(object?["total"] as? Int == 3)
        let fields = try run(["ecl", "^ [referencedComponentId, mapTarget] 447562003 {{ M mapTarget = wild:\"I21*\" }}"], data: data)
        #expect(fields.stdout == "22298006\tI21.9\n57054005\tI21.9\n401303003\tI21.3\n")

        let error = try run(["ecl", "< 19829001 AND < 301867009 OR < 404684003"], data: data)
        #expect(error.status != 0)
        #expect(error.stderr.contains("1:28"))
        #expect(error.stderr.contains("use brackets to combine AND with OR"))
        #expect(error.stderr.split(separator: "\n").count == 1)
    }
}
