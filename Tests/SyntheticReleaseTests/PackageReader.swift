import Foundation
@testable import SyntheticRelease

/// Minimal RF2 reader for the tests: rows of one file of a written package, found by name fragment.
struct PackageFiles {
    let root: URL

    func url(_ release: String, _ fragment: String) -> URL? {
        let folder = root.appendingPathComponent(release)
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return nil }
        for case let url as URL in enumerator where url.lastPathComponent.contains(fragment) { return url }
        return nil
    }

    /// Data rows (without header) split on TAB.
    func rows(_ release: String, _ fragment: String) throws -> [[String]] {
        guard let url = url(release, fragment) else { throw CocoaError(.fileNoSuchFile) }
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        lines.removeLast()
        return lines.dropFirst().map { $0.components(separatedBy: "\t") }
    }

    func header(_ release: String, _ fragment: String) throws -> [String] {
        guard let url = url(release, fragment) else { throw CocoaError(.fileNoSuchFile) }
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.components(separatedBy: "\r\n")[0].components(separatedBy: "\t")
    }
}

import Testing

/// Generates a profile once per (profile, seed, versions) into a temporary folder.
enum Fixture {
    static func generate(_ profile: GenerationProfile, seed: UInt64 = 7, versions: Int = 1) throws -> (URL, [GeneratedPackage]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steward-gen-\(UUID().uuidString)")
        let packages = try SyntheticReleaseGenerator(profile: profile, seed: seed, versions: versions).write(to: dir)
        return (dir, packages)
    }
}
