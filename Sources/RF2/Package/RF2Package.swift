import Foundation
import ZIPFoundation

/// A release package — a folder or a `.zip` — with its data files found by name, at any depth.
public struct RF2Package: Sendable {
    /// Where the package is.
    public var url: URL
    /// The folder or archive name without `.zip`, e.g. `SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z`.
    public var name: String
    /// Every recognised data file.
    public var files: [RF2File]
    /// Documentation and other files that are not release data.
    public var ignored: [String]
    public var info: PackageInfo?

    /// Release types present.
    public var releaseTypes: Set<ReleaseType> { Set(files.map(\.name.releaseType)) }

    /// The newest version date of any data file: the package's release date.
    public var effectiveTime: Int { files.map(\.name.versionDate).max() ?? info?.effectiveTime ?? 0 }

    /// Country and namespace of the package's files, e.g. `INT` or `NO1000202`.
    public var countryNamespace: String {
        let counts = Dictionary(grouping: files, by: \.name.countryNamespace).mapValues(\.count)
        return counts.max { $0.value < $1.value }?.key ?? "INT"
    }

    public func files(_ type: ReleaseType) -> [RF2File] {
        files.filter { $0.name.releaseType == type }
    }

    public init(url: URL, name: String, files: [RF2File], ignored: [String] = [], info: PackageInfo? = nil) {
        self.url = url
        self.name = name
        self.files = files
        self.ignored = ignored
        self.info = info
    }

    /// Opens a folder or zip and discovers its files. A name that starts like release data (`sct2_`, `der2_`)
    /// but cannot be understood is an error: silently skipping it would import a partial release.
    public static func open(_ url: URL) throws -> RF2Package {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw RF2Error(.notAPackage, file: url.path, reason: "no such file or folder")
        }
        if isDirectory.boolValue {
            return try openFolder(url)
        }
        guard url.pathExtension.lowercased() == "zip" else {
            throw RF2Error(.notAPackage, file: url.path, reason: "not a folder or a .zip archive")
        }
        return try openZip(url)
    }

    private static func openFolder(_ url: URL) throws -> RF2Package {
        let root = url.standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey]) else {
            throw RF2Error(.unreadable, file: url.path, reason: "cannot list folder")
        }
        var collector = Collector()
        for case let fileURL as URL in enumerator {
            let values = try? fileURL.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
            guard values?.isRegularFile == true else { continue }
            let relative = String(fileURL.standardizedFileURL.path.dropFirst(root.path.count + 1))
            try collector.add(
                fileName: fileURL.lastPathComponent, displayPath: relative, size: values?.fileSize ?? 0,
                location: .file(fileURL),
                readInfo: { try Data(contentsOf: fileURL) })
        }
        return collector.package(url: url, name: url.lastPathComponent)
    }

    private static func openZip(_ url: URL) throws -> RF2Package {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw RF2Error(.badZip, file: url.lastPathComponent, reason: "not a readable zip archive (truncated or corrupt): \(error)")
        }
        var collector = Collector()
        for entry in archive where entry.type == .file {
            let fileName = (entry.path as NSString).lastPathComponent
            try collector.add(
                fileName: fileName, displayPath: "\(url.lastPathComponent):\(entry.path)", size: Int(entry.uncompressedSize),
                location: .zipEntry(archive: url, path: entry.path),
                readInfo: {
                    var data = Data()
                    try RF2File.extract(entry, from: archive, displayPath: "\(url.lastPathComponent):\(entry.path)") { data.append($0) }
                    return data
                })
        }
        return collector.package(url: url, name: url.deletingPathExtension().lastPathComponent)
    }

    /// Sorts discovered files into data files, package metadata and ignored files.
    private struct Collector {
        var files: [RF2File] = []
        var ignored: [String] = []
        var info: PackageInfo?

        mutating func add(fileName: String, displayPath: String, size: Int, location: RF2File.Location, readInfo: () throws -> Data) throws {
            if fileName.hasPrefix(".") || displayPath.contains("__MACOSX") { return }
            if fileName == "release_package_information.json" {
                info = PackageInfo(json: try readInfo())
                return
            }
            if let name = RF2FileName(fileName), name.kind != nil {
                files.append(RF2File(name: name, location: location, displayPath: displayPath, size: size))
                return
            }
            let looksLikeData =
                ["sct", "der", "xsct", "xder", "zsct", "zder"].contains { fileName.hasPrefix($0) }
                && fileName.lowercased().hasSuffix(".txt")
            if looksLikeData {
                throw RF2Error(
                    .unknownFile, file: displayPath,
                    reason: "looks like an RF2 data file but its name does not follow the RF2 naming convention or names an unknown content type")
            }
            ignored.append(displayPath)
        }

        func package(url: URL, name: String) -> RF2Package {
            RF2Package(url: url, name: name, files: files.sorted { $0.displayPath < $1.displayPath }, ignored: ignored, info: info)
        }
    }
}
