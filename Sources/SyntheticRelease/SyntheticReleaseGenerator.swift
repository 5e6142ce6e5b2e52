import Foundation
import RF2
import ZIPFoundation

/// Deterministic generator of realistic synthetic RF2 release packages for tests and benchmarks.
///
/// The same profile, seed and start date always produce byte-identical files. With `versions > 1`
/// it writes consecutive monthly releases with realistic changes and returns (and writes as
/// `changes-<date>.json`) an exact record of each version's changes.
public struct SyntheticReleaseGenerator: Sendable {
    public var profile: GenerationProfile
    public var seed: UInt64
    public var versions: Int
    /// Effective time of the first International release (`YYYYMMDD`, the 1st of a month).
    public var startDate: String
    /// Also write the `Full` folder (cheap for one version: Full files are copies of Snapshot ones).
    public var writeFull: Bool
    /// Package release status: `PRODUCTION`, or `ALPHA`/`BETA`, which also gives every file the
    /// provisional `x` prefix so synthetic output cannot pass for a published release (RF2 §7).
    public var releaseStatus: String

    public init(
        profile: GenerationProfile, seed: UInt64 = 42, versions: Int = 1, startDate: String = "20250101",
        writeFull: Bool = true, releaseStatus: String = "PRODUCTION"
    ) {
        precondition(versions >= 1, "at least one version")
        precondition(startDate.count == 8 && Int(startDate) != nil, "startDate must be YYYYMMDD")
        self.profile = profile
        self.seed = seed
        self.versions = versions
        self.startDate = startDate
        self.writeFull = writeFull
        self.releaseStatus = releaseStatus
    }

    /// Effective time of International version `k` (0-based): monthly on the 1st.
    public func internationalDate(_ k: Int) -> String { Self.addMonths(startDate, k) }

    /// Effective time of Norwegian version `k`: the 15th of the same month.
    public func norwayDate(_ k: Int) -> String { String(internationalDate(k).prefix(6)) + "15" }

    static func addMonths(_ date: String, _ months: Int) -> String {
        let value = Int(date)!
        var year = value / 10_000, month = (value / 100) % 100
        let day = value % 100
        month += months
        year += (month - 1) / 12
        month = (month - 1) % 12 + 1
        return String(format: "%04d%02d%02d", year, month, day)
    }

    /// Generates every version and writes the packages under `directory`; returns them in release order
    /// (for `norway`: International then Norwegian package for each version).
    public func write(to directory: URL, zip: Bool = false, progress: (@Sendable (String) -> Void)? = nil) throws -> [GeneratedPackage] {
        let say: (String) -> Void = { progress?($0) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let model = ReleaseModel(seed: seed, profile: profile)
        var packages: [GeneratedPackage] = []
        var previousNames: [String: String] = [:]
        for k in 0..<versions {
            let intDate = internationalDate(k), noDate = norwayDate(k)
            var intChanges: ReleaseChanges?
            var noChanges: ReleaseChanges?
            let intName = "SnomedCT_InternationalRF2_\(releaseStatus)_\(intDate)T120000Z"
            let noName = "SnomedCT_ManagedServiceNO_\(releaseStatus)_NO1000202_\(noDate)T120000Z"
            if k == 0 {
                say("generating \(profile.name) baseline (\(profile.conceptCount) concepts, seed \(seed))")
                var rng = SplitMix64(seed: seed, stream: 0)
                model.generateInternational(date: Int64(intDate)!, rng: &rng, progress: say)
                model.addInternationalMetadataRefsets(date: Int64(intDate)!)
                if let options = profile.norway {
                    model.generateNorway(options: options, date: Int64(noDate)!, baseDate: Int64(intDate)!, rng: &rng)
                }
            } else {
                say("generating version \(k + 1) (\(intDate))")
                var rng = SplitMix64(seed: seed, stream: UInt64(k))
                var record = ReleaseChanges(package: intName, effectiveTime: intDate, previousEffectiveTime: internationalDate(k - 1))
                model.applyInternationalChanges(date: Int64(intDate)!, rng: &rng, record: &record)
                intChanges = record
                if let options = profile.norway {
                    var noRecord = ReleaseChanges(package: noName, effectiveTime: noDate, previousEffectiveTime: norwayDate(k - 1))
                    model.applyNorwegianChanges(options: options, date: Int64(noDate)!, baseDate: Int64(intDate)!, rng: &rng, record: &noRecord)
                    noChanges = noRecord
                }
            }
            packages.append(
                try writePackage(
                    model, name: intName, date: intDate, country: "INT", namespace: nil,
                    modules: [WellKnown.coreModule, WellKnown.modelModule, 449080006],
                    languages: ["en"], previous: previousNames["INT"], changes: intChanges,
                    directory: directory, zip: zip, say: say))
            previousNames["INT"] = intName
            if profile.norway != nil {
                packages.append(
                    try writePackage(
                        model, name: noName, date: noDate, country: "NO", namespace: WellKnown.norwayNamespace,
                        modules: [WellKnown.norwayModule], languages: ["en", "no"],
                        previous: previousNames["NO"], changes: noChanges,
                        directory: directory, zip: zip, say: say))
                previousNames["NO"] = noName
            }
        }
        return packages
    }

    private func writePackage(
        _ model: ReleaseModel, name: String, date: String, country: String, namespace: Int?,
        modules: [Int64], languages: [String], previous: String?, changes: ReleaseChanges?,
        directory: URL, zip: Bool, say: (String) -> Void
    ) throws -> GeneratedPackage {
        say("writing \(name)")
        let folder = directory.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.removeItem(at: folder) }
        var writer = PackageWriter(
            model: model, root: folder, country: country, namespace: namespace, date: date,
            modules: modules, languages: languages, writeFull: writeFull,
            provisional: releaseStatus != "PRODUCTION")
        try writer.writeAll(progress: say)
        try writeMetadata(folder: folder, name: name, date: date, country: country, previous: previous)
        var url = folder
        if let changes {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let prefix = country == "INT" ? "changes-" : "changes-\(country)-"
            try encoder.encode(changes).write(to: directory.appendingPathComponent("\(prefix)\(date).json"))
        }
        if zip {
            say("zipping \(name)")
            url = directory.appendingPathComponent(name + ".zip")
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
            try FileManager.default.zipItem(at: folder, to: url, shouldKeepParent: true)
            try FileManager.default.removeItem(at: folder)
        }
        return GeneratedPackage(url: url, name: name, effectiveTime: date, rowCounts: writer.rowCounts, changes: changes)
    }

    private func writeMetadata(folder: URL, name: String, date: String, country: String, previous: String?) throws {
        struct LanguageRefset: Encodable { let id: String; let term: String }
        struct Info: Encodable {
            let effectiveTime: String
            let previousPublishedPackage: String
            let licenceStatement: String
            let languageRefsets: [LanguageRefset]
            let packageComposition: [String: [String]]
            let generator: [String: String]
        }
        let languages =
            country == "INT"
            ? [LanguageRefset(id: String(WellKnown.usEnglish), term: "US English"), LanguageRefset(id: String(WellKnown.gbEnglish), term: "GB English")]
            : [
                LanguageRefset(id: String(WellKnown.norwegianBokmal), term: "Norwegian Bokmål"),
                LanguageRefset(id: String(WellKnown.norwegianNynorsk), term: "Norwegian Nynorsk"),
            ]
        let info = Info(
            effectiveTime: date, previousPublishedPackage: previous.map { $0 + ".zip" } ?? "",
            licenceStatement: "Synthetic test data generated by Steward. Not SNOMED CT content; not for clinical use.",
            languageRefsets: languages,
            packageComposition: country == "INT" ? [:] : ["dependsOn": ["SnomedCT_InternationalRF2"]],
            generator: ["profile": profile.name, "seed": String(seed)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(info).write(to: folder.appendingPathComponent("release_package_information.json"))
        let readme = "Synthetic RF2 release \(name)\r\nGenerated by Steward SyntheticRelease (profile \(profile.name), seed \(seed)).\r\n"
        try Data(readme.utf8).write(to: folder.appendingPathComponent("Readme_en_\(date).txt"))
    }
}
