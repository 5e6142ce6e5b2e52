import ArgumentParser
import Foundation
import SyntheticRelease

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write deterministic synthetic RF2 release packages (for tests, demos and benchmarks).",
        discussion: """
            sample: ~1,500 concepts in seconds. international: International-size (~530k concepts, ~12M rows). \
            norway: an International base plus a Norwegian extension with Bokmål and Nynorsk terms. \
            With --versions N, N consecutive monthly releases with realistic changes are written, each with \
            Snapshot and Full folders and a changes-<date>.json record of what changed.
            """)

    enum Profile: String, ExpressibleByArgument, CaseIterable { case sample, international, norway }

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Profile: sample, international or norway.")
    var profile: Profile

    @Option(help: "Random seed; the same seed gives byte-identical output.")
    var seed: UInt64 = 42

    @Option(help: "Number of consecutive releases.")
    var versions: Int = 1

    @Option(name: .customLong("start-date"), help: "Effective time of the first International release (YYYYMMDD).")
    var startDate: String = "20250101"

    @Option(name: .customLong("base-concepts"), help: "Concepts in the International base of the norway profile.")
    var baseConcepts: Int = 20_000

    @Flag(name: .customLong("no-full"), help: "Write Snapshot folders only.")
    var noFull = false

    @Option(help: "Output folder.")
    var out: String

    @Flag(help: "Write each package as a .zip archive.")
    var zip = false

    func validate() throws {
        guard versions >= 1 else { throw ValidationError("--versions must be at least 1") }
        guard startDate.count == 8, let date = Int(startDate), date / 100 % 100 >= 1, date / 100 % 100 <= 12, date % 100 == 1 else {
            throw ValidationError("--start-date must be the first of a month written YYYYMMDD, got '\(startDate)'")
        }
        guard baseConcepts >= 100 else { throw ValidationError("--base-concepts must be at least 100") }
    }

    func run() throws {
        let chosen: GenerationProfile
        switch profile {
        case .sample: chosen = .sample
        case .international: chosen = .international
        case .norway: chosen = .norway(baseConcepts: baseConcepts)
        }
        let generator = SyntheticReleaseGenerator(profile: chosen, seed: seed, versions: versions, startDate: startDate, writeFull: !noFull)
        let started = Date()
        let packages: [GeneratedPackage]
        do {
            packages = try generator.write(to: URL(fileURLWithPath: out), zip: zip, progress: Terminal.progressReporter())
        } catch {
            Terminal.endProgress()
            throw error
        }
        Terminal.endProgress()
        for package in packages {
            print(package.url.path)
        }
        let rows = packages.reduce(0) { $0 + $1.rowCounts.values.reduce(0, +) }
        Terminal.note("wrote \(packages.count) package(s), \(rows) rows, in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}
