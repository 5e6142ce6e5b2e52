import Testing
@testable import TerminologyStore

/// The one release resolver: every form a release can be named in, over three releases (oldest first).
@Suite struct ReleaseReferenceTests {
    static func info(_ name: String, _ uri: String, module: Int64) -> ReleaseInfo {
        ReleaseInfo(
            name: name, versionURI: uri, effectiveTime: Int(uri.suffix(8))!, editionModule: module, modules: [module], source: "snapshot",
            importedAt: "", importSeconds: nil, counts: [], packages: [], warnings: [], stages: [], metadata: [:], path: "/tmp/\(name).sqlite")
    }

    static let releases = [
        info("INT-20250101", "http://snomed.info/sct/900000000000207008/version/20250101", module: 900000000000207008),
        info("INT-20250201", "http://snomed.info/sct/900000000000207008/version/20250201", module: 900000000000207008),
        info("NO-20250215", "http://snomed.info/sct/51000202101/version/20250215", module: 51000202101),
        info("NO-20250815-beta", "http://snomed.info/xsct/51000202101/version/20250815", module: 51000202101),
    ]

    func resolve(_ text: String?) throws -> String {
        try ReleaseReference(text).resolve(in: Self.releases, info: { $0 }).name
    }

    @Test(
        arguments: [
            (nil, "NO-20250815-beta"), ("", "NO-20250815-beta"), ("latest", "NO-20250815-beta"), ("http://snomed.info/sct", "NO-20250815-beta"),
            ("INT-20250101", "INT-20250101"), ("INT", "INT-20250201"), ("no", "NO-20250815-beta"),
            ("http://snomed.info/sct/900000000000207008/version/20250101", "INT-20250101"),
            ("http://snomed.info/sct|http://snomed.info/sct/900000000000207008/version/20250101", "INT-20250101"),
            ("http://snomed.info/sct/900000000000207008", "INT-20250201"),
            ("http://snomed.info/sct/51000202101", "NO-20250815-beta"),
            ("http://snomed.info/xsct/51000202101/version/20250815", "NO-20250815-beta"),
            ("http://snomed.info/sct/51000202101/version/20250215", "NO-20250215"),
        ] as [(String?, String)])
    func everyForm(_ text: String?, _ expected: String) throws {
        #expect(try resolve(text) == expected)
    }

    @Test func unpublishedAndPublishedVersionsOfOneDateAreNeverConfused() {
        // The published form of the beta's date names no release.
        #expect(throws: StoreError.self) { try resolve("http://snomed.info/sct/51000202101/version/20250815") }
        #expect(!ReleaseReference("http://snomed.info/xsct/51000202101/version/20250215").matches(Self.releases[2]))
    }

    @Test func unknownAndEmpty() {
        #expect {
            try resolve("XX-1")
        } throws: { error in
            let error = error as? StoreError
            return error?.code == .unknownRelease
                && error?.message == "unknown release 'XX-1' (imported: INT-20250101, INT-20250201, NO-20250215, NO-20250815-beta)"
        }
        #expect {
            try ReleaseReference(nil).resolve(in: [ReleaseInfo](), info: { $0 })
        } throws: { error in
            (error as? StoreError)?.code == .noReleases
        }
    }
}
