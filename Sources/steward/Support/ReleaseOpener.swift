import Foundation
import TerminologyStore

/// Opens a release named on the command line: an imported release (name or version URI), or a package
/// folder / `.zip` that is imported on the fly into a scratch data directory removed on exit.
final class ReleaseOpener {
    let catalog: ReleaseCatalog
    private var scratch: URL?

    init(catalog: ReleaseCatalog) {
        self.catalog = catalog
    }

    deinit {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    func open(_ reference: String) throws -> ReleaseStore {
        var isDirectory: ObjCBool = false
        let looksLikePath = reference.hasSuffix(".zip") || reference.hasPrefix("/") || reference.hasPrefix(".")
        guard looksLikePath, FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory) else {
            return try catalog.open(reference)
        }
        let directory = try scratchDirectory()
        let name = "package-\(UUID().uuidString.prefix(8))"
        Terminal.note("importing \(reference) into a temporary store")
        let summary = try ReleaseImporter(catalog: ReleaseCatalog(dataDirectory: directory))
            .importRelease(from: [URL(fileURLWithPath: reference)], options: ImportOptions(name: name, progress: Terminal.progressReporter()))
        Terminal.endProgress()
        return try ReleaseStore(path: summary.path)
    }

    private func scratchDirectory() throws -> URL {
        if let scratch { return scratch }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        scratch = directory
        return directory
    }
}
