import Foundation
import GRDB

/// The release stores of a data directory (`<data>/releases/<name>.sqlite`): listing, naming and lookup by
/// name or version URI.
public struct ReleaseCatalog: Sendable {
    public let dataDirectory: URL

    public init(dataDirectory: URL) {
        self.dataDirectory = dataDirectory
    }

    /// `--data` when given, else `$STEWARD_DATA`, else `./steward-data`.
    public static func dataDirectory(explicit: String?) -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let environment = ProcessInfo.processInfo.environment["STEWARD_DATA"], !environment.isEmpty {
            return URL(fileURLWithPath: environment)
        }
        return URL(fileURLWithPath: "steward-data")
    }

    public var releasesDirectory: URL { dataDirectory.appendingPathComponent("releases") }

    public func storeURL(name: String) -> URL {
        releasesDirectory.appendingPathComponent("\(name).sqlite")
    }

    /// Release names become file names, so they are restricted to a safe alphabet.
    public static func checkName(_ name: String) throws {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
        guard !name.isEmpty, allowed, !name.hasPrefix(".") else {
            throw StoreError(.invalidOptions, "release name '\(name)' may only contain letters, digits, '-', '_' and '.'")
        }
    }

    /// Every release in the directory, oldest first (by effective time, then import time).
    public func releases() throws -> [ReleaseInfo] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: releasesDirectory.path)) ?? []
        var infos: [ReleaseInfo] = []
        for file in names where file.hasSuffix(".sqlite") && !file.hasPrefix(".") {
            let store = try ReleaseStore(path: releasesDirectory.appendingPathComponent(file).path)
            infos.append(store.info)
        }
        return infos.sorted { ($0.effectiveTime, $0.importedAt, $0.name) < ($1.effectiveTime, $1.importedAt, $1.name) }
    }

    /// The store file of the release `reference` names (see ``ReleaseReference``); the newest when nil.
    public func resolve(_ reference: String?) throws -> URL {
        // A release name is its file name: no need to open every store.
        if let reference, !reference.contains("/"), !reference.contains("|") {
            let byName = storeURL(name: reference)
            if FileManager.default.fileExists(atPath: byName.path) { return byName }
        }
        do {
            return URL(fileURLWithPath: try ReleaseReference(reference).resolve(in: try releases(), info: { $0 }).path)
        } catch let error as StoreError where error.code == .noReleases {
            throw StoreError(.noReleases, "no releases imported in \(dataDirectory.path): run 'steward import PATH' first")
        }
    }

    /// Opens a release read-only by any form ``ReleaseReference`` takes (newest when nil).
    public func open(_ reference: String?) throws -> ReleaseStore {
        try ReleaseStore(path: resolve(reference).path)
    }
}
