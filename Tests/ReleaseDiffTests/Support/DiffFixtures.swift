import Foundation
import ReleaseDiff
import TerminologyStore

/// Sample releases imported once per test run, and helpers to import more into the same kind of catalog.
enum DiffFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let int20250101 = root.appendingPathComponent("Releases/SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z")
    static let int20250201 = root.appendingPathComponent("Releases/SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z")

    static func temporaryDirectory(_ label: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("steward-diff-test-\(label)-\(UUID().uuidString)")
    }

    /// A catalog with both International samples imported.
    static let samples: Result<(catalog: ReleaseCatalog, from: ReleaseStore, to: ReleaseStore), any Error> = Result {
        let catalog = ReleaseCatalog(dataDirectory: temporaryDirectory("samples"))
        let importer = ReleaseImporter(catalog: catalog)
        let from = try importer.importRelease(from: [int20250101], options: ImportOptions())
        let to = try importer.importRelease(from: [int20250201], options: ImportOptions())
        return (catalog, try catalog.open(from.name), try catalog.open(to.name))
    }

    /// The diff of the two samples, computed once and shared by every test that reads it.
    static func sampleReport() async throws -> DiffReport {
        try await cache.report.value
    }

    private static let cache = ReportCache()
}

private final class ReportCache: Sendable {
    let report = Task { () throws -> DiffReport in
        let samples = try DiffFixtures.samples.get()
        return try await ReleaseDiffer(from: samples.from, to: samples.to).compare()
    }
}
