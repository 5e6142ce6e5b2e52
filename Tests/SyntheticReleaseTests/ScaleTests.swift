import Foundation
import Testing
@testable import SyntheticRelease

/// Writes the International profile when `STEWARD_GEN_INTERNATIONAL=<dir>` is set (benchmark, not CI).
@Test(.enabled(if: ProcessInfo.processInfo.environment["STEWARD_GEN_INTERNATIONAL"] != nil))
func internationalScale() throws {
    let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["STEWARD_GEN_INTERNATIONAL"]!)
    let full = ProcessInfo.processInfo.environment["STEWARD_GEN_FULL"] != nil
    let start = Date()
    let profile: GenerationProfile = ProcessInfo.processInfo.environment["STEWARD_GEN_PROFILE"] == "norway" ? .norway() : .international
    let versions = Int(ProcessInfo.processInfo.environment["STEWARD_GEN_VERSIONS"] ?? "1") ?? 1
    let packages = try SyntheticReleaseGenerator(profile: profile, seed: 42, versions: versions, writeFull: full)
        .write(to: dir, progress: { print(String(format: "%6.1fs ", Date().timeIntervalSince(start)) + $0) })
    for package in packages {
        print(package.name)
        for (name, count) in package.rowCounts.sorted(by: { $0.key < $1.key }) { print("  ", name, count) }
    }
    print("total seconds", Date().timeIntervalSince(start))
}
