import Foundation
import Logging
import TerminologyStore

/// Imports the bundled sample packages (`Releases/`) into an empty data directory, so a fresh
/// `steward serve` answers something: each International package on its own, then each extension on top
/// of the newest International package.
enum SampleReleases {
    static func importIfEmpty(from directory: URL, catalog: ReleaseCatalog, logger: Logger) throws {
        guard try catalog.releases().isEmpty else { return }
        let packages = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasPrefix("SnomedCT_") }
            .sorted()
            .map { directory.appendingPathComponent($0) }
        guard !packages.isEmpty else {
            logger.warning("no releases imported and no sample packages found", metadata: ["directory": .string(directory.path)])
            return
        }
        logger.notice(
            "data directory has no releases: importing the bundled samples",
            metadata: ["from": .string(directory.path), "packages": .stringConvertible(packages.count)])
        let international = packages.filter { $0.lastPathComponent.contains("International") }
        let extensions = packages.filter { !$0.lastPathComponent.contains("International") }
        let importer = ReleaseImporter(catalog: catalog)
        var groups = international.map { [$0] }
        if let base = international.last {
            groups += extensions.map { [base, $0] }
        }
        for group in groups {
            let summary = try importer.importRelease(from: group, options: ImportOptions())
            logger.notice("imported sample release", metadata: ["release": .string(summary.name), "version": .string(summary.versionURI)])
        }
    }
}
