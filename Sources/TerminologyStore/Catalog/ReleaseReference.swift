import Foundation

/// How a release is named, wherever one is asked for: the CLI's `--release`, REST's `?release=`, FHIR's
/// `version`, `system-version` and value-set URLs. Parsed once here so every caller resolves by the same
/// rules.
///
/// - nothing, `latest` or the bare system `http://snomed.info/sct`: the newest release;
/// - a release name (`INT-20250101`, `NO-20250215`);
/// - an edition's short name (`INT`, `NO`): that edition's newest release;
/// - a version URI (`http://snomed.info/sct/<module>/version/<YYYYMMDD>`, or the `xsct` form SNOMED's URI
///   rules give an unpublished release): exactly that version, never another of the same date;
/// - an edition URI (`http://snomed.info/sct/<module>`, also `xsct`): that edition's newest release.
///
/// A FHIR canonical `system|version` is taken by its version part.
public enum ReleaseReference: Sendable, Hashable {
    case newest
    /// A release name, or an edition's short name (the part before `-` in its release names).
    case name(String)
    case version(uri: String)
    case edition(module: Int64)

    public static let system = "http://snomed.info/sct"
    static let unpublishedSystem = "http://snomed.info/xsct"

    public init(_ text: String?) {
        var text = (text ?? "").trimmingCharacters(in: .whitespaces)
        if let bar = text.firstIndex(of: "|") { text = String(text[text.index(after: bar)...]) }
        if text.isEmpty || text.lowercased() == "latest" || text == Self.system || text == Self.unpublishedSystem {
            self = .newest
        } else if let rest = Self.afterSystem(text) {
            let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count == 1, let module = Int64(parts[0]) {
                self = .edition(module: module)
            } else {
                self = .version(uri: text)
            }
        } else {
            self = .name(text)
        }
    }

    /// The version URI of a release: `http://snomed.info/sct/<edition>/version/<date>` when published, the
    /// `xsct` form SNOMED's URI specification gives any other version (beta, pre-release).
    public static func versionURI(edition: Int64, date: Int, published: Bool) -> String {
        "\(published ? system : unpublishedSystem)/\(edition)/version/\(date)"
    }

    /// The part after `http://snomed.info/sct/` or `http://snomed.info/xsct/`.
    private static func afterSystem(_ text: String) -> Substring? {
        for prefix in [system + "/", unpublishedSystem + "/"] where text.hasPrefix(prefix) {
            return text.dropFirst(prefix.count)
        }
        return nil
    }

    /// Whether `info` is one of the releases this reference names (`.newest` names every release).
    public func matches(_ info: ReleaseInfo) -> Bool {
        switch self {
        case .newest: true
        case .name(let name): info.name == name || info.name.uppercased().hasPrefix(name.uppercased() + "-")
        case .version(let uri): info.versionURI == uri
        case .edition(let module): info.editionModule == module
        }
    }

    /// The newest of `releases` (oldest first) that this reference names. Throws ``StoreError`` with
    /// `.noReleases` or `.unknownRelease`, naming the reference and the releases there are.
    public func resolve<Release>(in releases: [Release], info: (Release) -> ReleaseInfo) throws -> Release {
        guard !releases.isEmpty else {
            throw StoreError(.noReleases, "no releases imported: run 'steward import PATH' first")
        }
        // An exact release name wins over an edition short name that happens to prefix other names.
        if case .name(let name) = self, let exact = releases.last(where: { info($0).name == name }) { return exact }
        if let match = releases.last(where: { matches(info($0)) }) { return match }
        let known = releases.map { info($0).name }.joined(separator: ", ")
        throw StoreError(.unknownRelease, "unknown release '\(description)' (imported: \(known))")
    }
}

extension ReleaseReference: CustomStringConvertible {
    public var description: String {
        switch self {
        case .newest: "latest"
        case .name(let name): name
        case .version(let uri): uri
        case .edition(let module): "\(Self.system)/\(module)"
        }
    }
}
