import Foundation
import TerminologyStore

/// The sample releases under `Releases/`, imported once per test run into a temporary data directory.
enum SampleReleases {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private static let catalog: ReleaseCatalog = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("request-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return ReleaseCatalog(dataDirectory: directory)
    }()
    private static func load(_ packages: [String]) -> ReleaseStore {
        let summary = try! ReleaseImporter(catalog: catalog).importRelease(from: packages.map { root.appendingPathComponent("Releases/\($0)") })
        return try! catalog.open(summary.name)
    }

    /// INT-20250101.
    static let january = load(["SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z"])
    /// INT-20250201.
    static let february = load(["SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z"])
    /// NO-20250215: INT 20250201 with the Norwegian package.
    static let edition = load([
        "SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z", "SnomedCT_ManagedServiceNO_PRODUCTION_NO1000202_20250215T120000Z",
    ])
}
