import Foundation
import Testing
@testable import SyntheticRelease

@Test func smokeSample() throws {
    let (dir, packages) = try Fixture.generate(.sample, versions: 2)
    for p in packages { print(p.name, p.rowCounts.filter { $0.key.contains("Snapshot") }.sorted { $0.key < $1.key }) }
    print(dir.path)
}

/// Writes the International profile (Snapshot + Full copy) when STEWARD_GEN_INTERNATIONAL is set.
@Test(.enabled(if: ProcessInfo.processInfo.environment["STEWARD_GEN_INTERNATIONAL"] != nil))
func internationalScale() throws {
    let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["STEWARD_GEN_INTERNATIONAL"]!)
    let start = Date()
    let packages = try SyntheticReleaseGenerator(profile: .international, seed: 42, versions: 1)
        .write(to: dir, progress: { print(String(format: "%6.1fs ", Date().timeIntervalSince(start)) + $0) })
    for (name, count) in packages[0].rowCounts.sorted(by: { $0.key < $1.key }) where name.contains("Snapshot") { print(name, count) }
    print("total seconds", Date().timeIntervalSince(start))
}
