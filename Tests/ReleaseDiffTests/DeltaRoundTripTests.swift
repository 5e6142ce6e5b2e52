import Foundation
import ReleaseDiff
import TerminologyStore
import Testing

@Suite struct DeltaRoundTripTests {
    @Test func fromPlusDeltaReproducesTo() async throws {
        let samples = try DiffFixtures.samples.get()
        let directory = DiffFixtures.temporaryDirectory("delta")
        let summary = try await DeltaWriter(from: samples.from, to: samples.to).write(to: directory)
        #expect(summary.rows == 90)
        #expect(summary.warnings.isEmpty)

        // The written files hold exactly the rows of the Delta shipped with the 20250201 sample.
        let shipped = DiffFixtures.int20250201.appendingPathComponent("Delta")
        for file in summary.files {
            let written = try String(contentsOf: directory.appendingPathComponent(file.path), encoding: .utf8)
            let original = try String(contentsOf: shipped.appendingPathComponent(String(file.path.dropFirst("Delta/".count))), encoding: .utf8)
            #expect(written.hasSuffix("\r\n"))
            let writtenLines = written.split(separator: "\r\n")
            #expect(writtenLines.first == original.split(separator: "\r\n").first, "header of \(file.path)")
            #expect(Set(writtenLines) == Set(original.split(separator: "\r\n")), "rows of \(file.path)")
        }

        let rebuilt = try ReleaseImporter(catalog: samples.catalog).importRelease(
            from: [directory], options: ImportOptions(name: "ROUNDTRIP", base: samples.from.info.name))
        let store = try samples.catalog.open(rebuilt.name)
        let difference = try await ReleaseDiffer(from: samples.to, to: store).compare()
        #expect(difference.isEmpty)
    }

    @Test func refusesANonEmptyDirectory() async throws {
        let samples = try DiffFixtures.samples.get()
        let directory = DiffFixtures.temporaryDirectory("busy")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        await #expect(throws: DiffError.self) { try await DeltaWriter(from: samples.from, to: samples.to).write(to: directory) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["notes.txt"])
    }
}
