import Foundation
import Testing
@testable import SyntheticRelease

/// Writes the International profile when `STEWARD_GEN_INTERNATIONAL=<dir>` is set (benchmark, not CI).
@Test(.enabled(if: ProcessInfo.processInfo.environment["STEWARD_GEN_INTERNATIONAL"] != nil))
func internationalScale() throws {
    let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["STEWARD_GEN_INTERNATIONAL"]!)
    let full = ProcessInfo.processInfo.environment["STEWARD_GEN_FULL"] != nil
    let start = Date()
    let packages = try SyntheticReleaseGenerator(profile: .international, seed: 42, versions: 1, writeFull: full)
        .write(to: dir, progress: { print(String(format: "%6.1fs ", Date().timeIntervalSince(start)) + $0) })
    for (name, count) in packages[0].rowCounts.sorted(by: { $0.key < $1.key }) where name.contains("Snapshot") { print(name, count) }
    print("total seconds", Date().timeIntervalSince(start))
}
