import Foundation
import RF2

/// Opens packages for validation without giving up at the first badly named file.
///
/// ``RF2/RF2Package/open(_:)`` rightly refuses a package with an unrecognisable data-file name (an import must
/// not silently skip data). A validator should instead report the name and check the rest, so for folders the
/// files are discovered here, tolerantly; zips fall back to the single error the package reader gives.
struct PackageDiscovery {
    /// One package as far as it could be opened.
    struct Opened: Sendable {
        var name: String
        var package: RF2Package?
    }

    static func open(_ url: URL, problems: inout ProblemCollector) -> Opened {
        let name = url.pathExtension.lowercased() == "zip" ? url.deletingPathExtension().lastPathComponent : url.lastPathComponent
        do {
            return Opened(name: name, package: try RF2Package.open(url))
        } catch let error as RF2Error {
            var isDirectory: ObjCBool = false
            if error.code == .unknownFile, FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return Opened(name: name, package: scanFolder(url, name: name, problems: &problems))
            }
            let rule: ValidationRule = error.code == .unknownFile ? .fileName : error.code == .badZip || error.code == .unreadable ? .unreadable : .package
            problems.add(ValidationProblem(.error, rule, package: name, file: error.file, value: nil, message: error.reason))
            return Opened(name: name, package: nil)
        } catch {
            problems.add(ValidationProblem(.error, .package, package: name, message: "cannot open package: \(error)"))
            return Opened(name: name, package: nil)
        }
    }

    /// Lists a folder like ``RF2/RF2Package/open(_:)`` does, reporting unrecognised data-file names instead of
    /// throwing.
    private static func scanFolder(_ url: URL, name: String, problems: inout ProblemCollector) -> RF2Package? {
        let root = url.standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey]) else {
            problems.add(ValidationProblem(.error, .unreadable, package: name, message: "cannot list folder \(url.path)"))
            return nil
        }
        var files: [RF2File] = []
        var ignored: [String] = []
        var info: PackageInfo?
        for case let fileURL as URL in enumerator {
            let values = try? fileURL.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
            guard values?.isRegularFile == true else { continue }
            let fileName = fileURL.lastPathComponent
            let relative = String(fileURL.standardizedFileURL.path.dropFirst(root.path.count + 1))
            if fileName.hasPrefix(".") || relative.contains("__MACOSX") { continue }
            if fileName == "release_package_information.json" {
                info = (try? Data(contentsOf: fileURL)).flatMap { PackageInfo(json: $0) }
                continue
            }
            if let parsed = RF2FileName(fileName), parsed.kind != nil {
                files.append(RF2File(name: parsed, location: .file(fileURL), displayPath: relative, size: values?.fileSize ?? 0))
                continue
            }
            let looksLikeData =
                ["sct", "der", "xsct", "xder", "zsct", "zder"].contains { fileName.hasPrefix($0) }
                && fileName.lowercased().hasSuffix(".txt")
            if looksLikeData {
                problems.add(
                    ValidationProblem(
                        .error, .fileName, package: name, file: relative, value: fileName,
                        message:
                            "looks like an RF2 data file but its name does not follow the RF2 naming convention or names an unknown content type; the file was not checked"
                    ))
            } else {
                ignored.append(relative)
            }
        }
        return RF2Package(url: url, name: name, files: files.sorted { $0.displayPath < $1.displayPath }, ignored: ignored, info: info)
    }

    /// The files to validate in a package: the requested release type, else Snapshot, else Full, else Delta.
    static func select(_ package: RF2Package, requested: ReleaseType?, problems: inout ProblemCollector) -> (ReleaseType, [RF2File])? {
        let type: ReleaseType
        if let requested {
            type = requested
        } else if !package.files(.snapshot).isEmpty {
            type = .snapshot
        } else if !package.files(.full).isEmpty {
            type = .full
        } else if !package.files(.delta).isEmpty {
            type = .delta
        } else {
            problems.add(ValidationProblem(.error, .package, package: package.name, message: "the package contains no RF2 data files"))
            return nil
        }
        let files = package.files(type)
        guard !files.isEmpty else {
            problems.add(ValidationProblem(.error, .package, package: package.name, value: type.rawValue, message: "the package has no \(type.rawValue) files"))
            return nil
        }
        checkNames(files, package: package.name, problems: &problems)
        return (type, files)
    }

    /// File-level naming consistency: one version date and one country/namespace per package, `.txt` data files.
    private static func checkNames(_ files: [RF2File], package: String, problems: inout ProblemCollector) {
        let dates = Dictionary(grouping: files, by: \.name.versionDate).mapValues(\.count)
        if let common = dates.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key, dates.count > 1 {
            for file in files where file.name.versionDate != common {
                problems.add(
                    ValidationProblem(
                        .warning, .fileName, package: package, file: file.displayPath, value: String(file.name.versionDate),
                        message: "version date differs from the package's other files (\(common))"))
            }
        }
        for file in files where file.name.status == "x" {
            problems.add(
                ValidationProblem(
                    .warning, .fileName, package: package, file: file.displayPath, value: file.name.status,
                    message: "provisional (x-prefixed) file: alpha/beta content, not for production use"))
        }
        if !files.contains(where: { $0.kind == .concept }), files.first?.name.releaseType != .delta {
            problems.add(ValidationProblem(.warning, .package, package: package, message: "the package has no Concept file"))
        }
    }
}
