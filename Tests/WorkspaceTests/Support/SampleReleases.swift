import Foundation
import TerminologyStore

/// The sample INT releases of `Releases/`, each imported once into a shared temporary data directory.
enum SampleReleases {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let catalog: ReleaseCatalog = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("workspace-releases-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let catalog = ReleaseCatalog(dataDirectory: directory)
        for package in ["SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z", "SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z"] {
            _ = try! ReleaseImporter(catalog: catalog).importRelease(from: [root.appendingPathComponent("Releases/\(package)")])
        }
        return catalog
    }()

    /// INT 20250101.
    static let january: ReleaseStore = try! catalog.open("INT-20250101")
    /// INT 20250201.
    static let february: ReleaseStore = try! catalog.open("INT-20250201")
}
