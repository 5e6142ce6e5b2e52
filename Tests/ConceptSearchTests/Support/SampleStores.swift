import ConceptSearch
import Foundation
import TerminologyStore

/// The bundled samples imported once per test run into a temporary data directory.
enum SampleStores {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let int20250201 = root.appendingPathComponent("Releases/SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z")
    static let no20250215 = root.appendingPathComponent("Releases/SnomedCT_ManagedServiceNO_PRODUCTION_NO1000202_20250215T120000Z")

    /// INT 20250201 + the Norwegian extension: English and Norwegian terms in one store.
    static let norway: Result<ConceptSearcher, any Error> = Result { try searcher([int20250201, no20250215]) }

    static func searcher(_ packages: [URL]) throws -> ConceptSearcher {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-search-test-\(UUID().uuidString)")
        let catalog = ReleaseCatalog(dataDirectory: directory)
        let summary = try ReleaseImporter(catalog: catalog).importRelease(from: packages, options: ImportOptions())
        let searcher = try ConceptSearcher(store: catalog.open(summary.name))
        return searcher
    }
}
