import Foundation
import GRDB
import Testing
@testable import TerminologyStore

/// A release imported as unpublished carries SNOMED's `xsct` version URI, so it and the published release of
/// the same edition and date are two releases that no version URI confuses.
@Suite struct UnpublishedReleaseTests {
    static let published = "http://snomed.info/sct/900000000000207008/version/20250101"
    static let unpublished = "http://snomed.info/xsct/900000000000207008/version/20250101"

    @Test func publishedAndUnpublishedOfOneDateResolveToThemselves() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = ReleaseCatalog(dataDirectory: directory)
        let importer = ReleaseImporter(catalog: catalog)
        let release = try importer.importRelease(from: [Samples.int20250101])
        let beta = try importer.importRelease(from: [Samples.int20250101], options: ImportOptions(name: "INT-20250101-beta", unpublished: true))
        #expect(release.versionURI == Self.published)
        #expect(release.published)
        #expect(beta.versionURI == Self.unpublished)
        #expect(!beta.published)

        let releases = try catalog.releases()
        let byURI = { (uri: String) in try ReleaseReference(uri).resolve(in: releases, info: { $0 }) }
        #expect(try byURI(Self.published).name == "INT-20250101")
        #expect(try byURI(Self.published).published)
        #expect(try byURI(Self.unpublished).name == "INT-20250101-beta")
        #expect(try !byURI(Self.unpublished).published)
        #expect(try catalog.open(Self.published).info.name == "INT-20250101")
        #expect(try catalog.open(Self.unpublished).info.name == "INT-20250101-beta")
        #expect(try catalog.open("INT-20250101-beta").info.metadata["published"] == "false")
    }

    @Test func versionDateSetsTheURINameAndEffectiveTime() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = ReleaseCatalog(dataDirectory: directory)
        let summary = try ReleaseImporter(catalog: catalog).importRelease(
            from: [Samples.int20250101], options: ImportOptions(versionDate: 20250301, unpublished: true))
        #expect(summary.name == "INT-20250301")
        #expect(summary.versionURI == "http://snomed.info/xsct/900000000000207008/version/20250301")
        #expect(summary.effectiveTime == 20250301)
        let named = try ReleaseImporter(catalog: catalog).importRelease(
            from: [Samples.int20250101], options: ImportOptions(name: "mine", versionDate: 20250301))
        #expect(named.name == "mine")
        #expect(named.versionURI == "http://snomed.info/sct/900000000000207008/version/20250301")
        #expect(throws: StoreError(.invalidOptions, "--version-date 20250230 is not a valid YYYYMMDD date")) {
            _ = try ReleaseImporter(catalog: catalog).importRelease(from: [Samples.int20250101], options: ImportOptions(versionDate: 20250230))
        }
    }

    /// A subset cut from an edition is packaged under a module of its own; the edition can be named.
    @Test func editionModuleNamesTheVersionURIsModule() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = ReleaseCatalog(dataDirectory: directory)
        let summary = try ReleaseImporter(catalog: catalog).importRelease(
            from: [Samples.int20250101], options: ImportOptions(unpublished: true, editionModule: 900000000000012004))
        #expect(summary.versionURI == "http://snomed.info/xsct/900000000000012004/version/20250101")
        #expect(try catalog.open(summary.name).info.editionModule == 900000000000012004)
        #expect(throws: StoreError.self) {
            _ = try ReleaseImporter(catalog: catalog).importRelease(
                from: [Samples.int20250101], options: ImportOptions(name: "other", editionModule: 51000202101))
        }
        // The refused import left nothing behind.
        #expect(try catalog.releases().map(\.name) == [summary.name])
    }

    @Test func storesWithoutTheKeyArePublished() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = ReleaseCatalog(dataDirectory: directory)
        _ = try ReleaseImporter(catalog: catalog).importRelease(from: [Samples.int20250101])
        let url = catalog.storeURL(name: "INT-20250101")
        try DatabaseQueue(path: url.path).write { try $0.execute(sql: "DELETE FROM release_info WHERE key = 'published'") }
        #expect(try catalog.open(nil).info.published)
    }
}
