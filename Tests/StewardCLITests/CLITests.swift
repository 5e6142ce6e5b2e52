import Foundation
import Testing

/// Runs the built `steward` binary the way scripts do: exit status, stdout data, stderr messages.
struct Steward {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("steward")
    static func sample(_ name: String) -> String { root.appendingPathComponent("Releases/\(name)").path }
    static let int1 = sample("SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z")
    static let int2 = sample("SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z")
    static let norway = sample("SnomedCT_ManagedServiceNO_PRODUCTION_NO1000202_20250215T120000Z")

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let data: URL

    init() throws {
        data = FileManager.default.temporaryDirectory.appendingPathComponent("steward-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    }

    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments + ["--data", data.path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    func remove() { try? FileManager.default.removeItem(at: data) }
}

@Suite(.serialized) struct CLITests {
    @Test func importListAndShowConcepts() throws {
        let steward = try Steward()
        defer { steward.remove() }
        let first = try steward.run(["import", Steward.int1])
        #expect(first.status == 0)
        #expect(first.stdout == "INT-20250101\n")
        let edition = try steward.run(["import", Steward.int2, Steward.norway])
        #expect(edition.stdout == "NO-20250215\n")

        let releases = try steward.run(["releases", "--format", "json"])
        #expect(releases.status == 0)
        let list = try JSONSerialization.jsonObject(with: Data(releases.stdout.utf8)) as! [[String: Any]]
        #expect(list.map { $0["name"] as! String } == ["INT-20250101", "NO-20250215"])
        #expect(list[1]["editionModule"] as? String == "51000202101")
        #expect(list[1]["effectiveTime"] as? String == "20250215")

        // Default release is the newest; --lang orders and picks terms.
        let concept = try steward.run(["concept", "22298006", "--lang", "nb,nn,en", "--format", "json"])
        #expect(concept.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(concept.stdout.utf8)) as! [String: Any]
        #expect(json["id"] as? String == "22298006")
        #expect(json["preferredTerm"] as? String == "hjerteinfarkt")
        #expect(json["fsn"] as? String == "Myocardial infarction (disorder)")
        #expect(json["semanticTag"] as? String == "disorder")
        #expect((json["parents"] as! [[String: Any]]).map { $0["id"] as! String } == ["414545008"])

        let old = try steward.run(["concept", "13645005", "--release", "INT-20250101", "--lang", "en-US"])
        #expect(old.status == 0)
        #expect(old.stdout.hasPrefix("13645005 |Chronic obstructive lung disease|"))

        let inactive = try steward.run(["concept", "9900031000202105", "--release", "http://snomed.info/sct/51000202101/version/20250215"])
        #expect(inactive.stdout.contains("INACTIVE"))
        #expect(inactive.stdout.contains("reason      900000000000484002"))
        #expect(inactive.stdout.contains("82272006"))
        #expect(inactive.stdout.contains("386689009"))

        let info = try steward.run(["info", "--release", "NO-20250215"])
        #expect(info.status == 0)
        #expect(info.stdout.contains("61000202103"))
        #expect(info.stdout.contains("51000202101 20250215 → 900000000000207008"))
    }

    @Test func errorsAreOneLineWithNonZeroExit() throws {
        let steward = try Steward()
        defer { steward.remove() }
        let none = try steward.run(["concept", "22298006"])
        #expect(none.status != 0)
        #expect(none.stderr.contains("no releases imported"))

        #expect(try steward.run(["import", Steward.int1]).status == 0)
        let badId = try steward.run(["concept", "22298007"])
        #expect(badId.status != 0)
        #expect(badId.stderr.contains("'22298007' is not a valid concept id"))

        let unknown = try steward.run(["concept", "22298006", "--release", "XX-1"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown release 'XX-1' (imported: INT-20250101)"))
        // The one release resolver: edition URI, edition short name and "latest" work on the command line too.
        for reference in ["http://snomed.info/sct/900000000000207008", "INT", "latest", "http://snomed.info/sct/900000000000207008/version/20250101"] {
            let byEdition = try steward.run(["concept", "22298006", "--release", reference, "--format", "json"])
            #expect(byEdition.status == 0, "\(reference)")
        }
        let unpublished = try steward.run(["concept", "22298006", "--release", "http://snomed.info/xsct/900000000000207008/version/20250101"])
        #expect(unpublished.status != 0)
        #expect(unpublished.stderr.contains("unknown release 'http://snomed.info/xsct/900000000000207008/version/20250101'"))

        let again = try steward.run(["import", Steward.int1])
        #expect(again.status != 0)
        #expect(again.stderr.contains("release INT-20250101 already exists"))

        let missing = try steward.run(["import", "/nonexistent/package"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("/nonexistent/package: no such file or folder"))

        let alone = try steward.run(["import", Steward.norway])
        #expect(alone.status != 0)
        #expect(
            alone.stderr.contains(
                "module 51000202101 depends on 900000000000012004 (version 20250201), 900000000000207008 (version 20250201), which no imported package provides"
            ))

        let badLang = try steward.run(["concept", "22298006", "--lang", "klingon"])
        #expect(badLang.status != 0)
        #expect(badLang.stderr.contains("unknown language tag 'klingon'"))

        let listed = try FileManager.default.contentsOfDirectory(atPath: steward.data.appendingPathComponent("releases").path)
        #expect(listed == ["INT-20250101.sqlite"])
    }

    @Test func fullAsOfAndDeltaFromTheCommandLine() throws {
        let steward = try Steward()
        defer { steward.remove() }
        #expect(try steward.run(["import", Steward.int1]).stdout == "INT-20250101\n")
        let delta = try steward.run(["import", Steward.int2, "--base", "INT-20250101", "--name", "INT-20250201-delta"])
        #expect(delta.status == 0)
        #expect(delta.stdout == "INT-20250201-delta\n")
        let full = try steward.run(["import", Steward.int2, "--as-of", "20250101", "--name", "asof"])
        #expect(full.stdout == "asof\n")
        let badDate = try steward.run(["import", Steward.int2, "--as-of", "2025-01-01"])
        #expect(badDate.status != 0)
        #expect(badDate.stderr.contains("--as-of must be a date written YYYYMMDD"))
    }

    @Test func unpublishedAndVersionDateFromTheCommandLine() throws {
        let steward = try Steward()
        defer { steward.remove() }
        let published = "http://snomed.info/sct/900000000000207008/version/20250101"
        let unpublished = "http://snomed.info/xsct/900000000000207008/version/20250101"
        #expect(try steward.run(["import", Steward.int1]).stdout == "INT-20250101\n")
        let beta = try steward.run(["import", Steward.int1, "--unpublished", "--name", "INT-20250101-beta"])
        #expect(beta.stdout == "INT-20250101-beta\n")
        #expect(beta.stderr.contains("imported INT-20250101-beta (\(unpublished))"))
        let dated = try steward.run(["import", Steward.int1, "--unpublished", "--version-date", "20250301"])
        #expect(dated.stdout == "INT-20250301\n")

        let releases = try steward.run(["releases", "--format", "json"])
        let list = try JSONSerialization.jsonObject(with: Data(releases.stdout.utf8)) as! [[String: Any]]
        #expect(list.map { $0["name"] as! String } == ["INT-20250101", "INT-20250101-beta", "INT-20250301"])
        #expect(list.map { $0["published"] as? Bool } == [true, false, false])
        #expect(list.map { $0["versionURI"] as? String } == [published, unpublished, "http://snomed.info/xsct/900000000000207008/version/20250301"])
        #expect(try steward.run(["releases"]).stdout.contains(unpublished))
        for (uri, name) in [(published, "INT-20250101"), (unpublished, "INT-20250101-beta")] {
            let info = try steward.run(["info", "--release", uri, "--format", "json"])
            let release = (try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as! [String: Any])["release"] as! [String: Any]
            #expect(release["name"] as? String == name)
        }

        for bad in ["2025-03-01", "20250230"] {
            let refused = try steward.run(["import", Steward.int1, "--version-date", bad])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("--version-date must be"))
            #expect(refused.stderr.contains("'\(bad)'"))
        }
    }
}

@Suite(.serialized) struct CLIValidateAndGenerateTests {
    @Test func validateReportsCleanAndBrokenPackages() throws {
        let steward = try Steward()
        defer { steward.remove() }
        let clean = try steward.run(["validate", Steward.int2, Steward.norway])
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)
        #expect(clean.stderr.contains("0 errors, 0 warnings"))

        let alone = try steward.run(["validate", Steward.norway, "--format", "json"])
        #expect(alone.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as! [String: Any]
        let problems = report["problems"] as! [[String: Any]]
        let mdrs = problems.filter { $0["rule"] as? String == "mdrs" }
        #expect(mdrs.count == 2)
        #expect(mdrs.map { $0["value"] as? String } == ["900000000000012004", "900000000000207008"])
    }

    @Test func generateWritesImportablePackages() throws {
        let steward = try Steward()
        defer { steward.remove() }
        let out = steward.data.appendingPathComponent("gen").path
        let generated = try steward.run(["generate", "--profile", "sample", "--seed", "7", "--versions", "2", "--out", out])
        #expect(generated.status == 0)
        let paths = generated.stdout.split(separator: "\n").map(String.init)
        #expect(
            paths.map { URL(fileURLWithPath: $0).lastPathComponent } == [
                "SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z", "SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z",
            ])
        #expect(FileManager.default.fileExists(atPath: out + "/changes-20250201.json"))
        #expect(try steward.run(["validate", paths[1]]).status == 0)
        #expect(try steward.run(["import", paths[0]]).stdout == "INT-20250101\n")
        #expect(try steward.run(["import", paths[1], "--base", "INT-20250101"]).stdout == "INT-20250201\n")

        let zipped = try steward.run(["generate", "--profile", "sample", "--seed", "7", "--out", out + "-zip", "--zip", "--no-full"])
        #expect(zipped.stdout.hasSuffix(".zip\n"))
        #expect(try steward.run(["import", zipped.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "--name", "zipped"]).stdout == "zipped\n")

        let bad = try steward.run(["generate", "--profile", "sample", "--versions", "0", "--out", out])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--versions must be at least 1"))
    }
}

@Suite(.serialized) struct CLISearchTests {
    @Test func searchWithLanguageAndECL() throws {
        let steward = try Steward()
        defer { steward.remove() }
        #expect(try steward.run(["import", Steward.int2, Steward.norway]).status == 0)
        let norwegian = try steward.run(["search", "infarkt", "--lang", "nb", "--format", "ids"])
        #expect(norwegian.status == 0)
        #expect(norwegian.stdout == "55641003\n22298006\n57054005\n401303003\n")
        let filtered = try steward.run(["search", "infarkt", "--lang", "nb", "--ecl", "<< 404684003", "--format", "ids"])
        #expect(filtered.stdout == "22298006\n57054005\n401303003\n")
        let badECL = try steward.run(["search", "infarkt", "--ecl", "<< 404684003 AND"])
        #expect(badECL.status != 0)
        #expect(badECL.stderr.contains("ECL syntax error at 1:17"))
    }
}
