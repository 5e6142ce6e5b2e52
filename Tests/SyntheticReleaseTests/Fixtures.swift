import Foundation
import Testing
@testable import SyntheticRelease

/// Generated once per test process: the sample profile with three versions and a small Norway.
enum Shared {
    static let sample: (URL, [GeneratedPackage]) = try! Fixture.generate(.sample, seed: 7, versions: 3)
    static let norway: (URL, [GeneratedPackage]) = {
        var profile = GenerationProfile.norway(baseConcepts: 2_000)
        profile.norway?.refsetMembers = 40
        return try! Fixture.generate(profile, seed: 11, versions: 2)
    }()

    static var sampleFiles: PackageFiles { PackageFiles(root: sample.0) }
    static var norwayFiles: PackageFiles { PackageFiles(root: norway.0) }
    static func name(_ packages: [GeneratedPackage], _ index: Int) -> String { packages[index].name }
}

/// Generates a profile into a fresh temporary folder.
enum Fixture {
    static func generate(_ profile: GenerationProfile, seed: UInt64 = 7, versions: Int = 1) throws -> (URL, [GeneratedPackage]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steward-gen-\(UUID().uuidString)")
        let packages = try SyntheticReleaseGenerator(profile: profile, seed: seed, versions: versions).write(to: dir)
        return (dir, packages)
    }
}

/// Minimal RF2 reader for the tests: rows of one file of a written package, found by name fragment.
struct PackageFiles {
    let root: URL

    /// The file whose name contains `fragment`, preferring the Snapshot folder.
    func url(_ package: String, _ fragment: String) -> URL? {
        let matches = allFiles(package).filter { $0.lastPathComponent.contains(fragment) }
        return matches.first { $0.path.contains("/Snapshot/") } ?? matches.first
    }

    func allFiles(_ package: String) -> [URL] {
        let folder = root.appendingPathComponent(package)
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" && !$0.lastPathComponent.hasPrefix("Readme") }
            .sorted { $0.path < $1.path }
    }

    /// Data lines (without header and CRLF).
    func lines(_ url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.components(separatedBy: "\r\n")
        lines.removeLast()
        return Array(lines.dropFirst())
    }

    /// Data rows split on TAB.
    func rows(_ package: String, _ fragment: String) throws -> [[String]] {
        guard let url = url(package, fragment) else { throw CocoaError(.fileNoSuchFile) }
        return try lines(url).map { $0.components(separatedBy: "\t") }
    }
}
