import Foundation
import RF2

/// An ordered list of language refsets to pick display terms from, parsed from BCP-47 tags.
///
/// Accepts plain tags (`en`, `en-GB`, `nb`, `nn-NO`), the ECL dialect aliases this release knows, and the
/// private-use form `<lang>-x-<languageRefsetId>` that names a refset directly.
public struct LanguagePreference: Sendable, Hashable {
    public var refsetIds: [Int64]

    public init(refsetIds: [Int64]) {
        self.refsetIds = refsetIds
    }

    /// US English first, then GB English: what SNOMED International's browsers show by default.
    public static let `default` = LanguagePreference(refsetIds: [WellKnown.usEnglish, WellKnown.gbEnglish])

    /// Dialect aliases (ECL specification, Appendix C) and plain language tags, lower-cased.
    public static let aliases: [String: [Int64]] = [
        "en": [WellKnown.usEnglish, WellKnown.gbEnglish],
        "en-us": [WellKnown.usEnglish],
        "en-gb": [WellKnown.gbEnglish],
        "no": [WellKnown.norwegianBokmal, WellKnown.norwegianNynorsk],
        "nb": [WellKnown.norwegianBokmal],
        "nb-no": [WellKnown.norwegianBokmal],
        "no-no": [WellKnown.norwegianBokmal],
        "nn": [WellKnown.norwegianNynorsk],
        "nn-no": [WellKnown.norwegianNynorsk],
        "nb-gp": [WellKnown.norwegianBokmalGP],
        "nn-gp": [WellKnown.norwegianNynorskGP],
    ]

    /// Parses a comma-separated list such as `nb,nn,en-GB` or `en-x-900000000000509007`.
    public init(parsing tags: String) throws {
        var ids: [Int64] = []
        for rawTag in tags.split(separator: ",") {
            let tag = rawTag.trimmingCharacters(in: .whitespaces).lowercased()
            guard !tag.isEmpty else { continue }
            if let range = tag.range(of: "-x-") {
                guard let id = Int64(tag[range.upperBound...]), SCTID.isValid(id, kind: .concept) else {
                    throw StoreError(.invalidOptions, "language tag '\(rawTag)': '\(tag[range.upperBound...])' is not a language refset concept id")
                }
                ids.append(id)
            } else if let known = Self.aliases[tag] {
                ids.append(contentsOf: known)
            } else if let language = tag.split(separator: "-").first, let known = Self.aliases[String(language)] {
                ids.append(contentsOf: known)
            } else {
                throw StoreError(
                    .invalidOptions,
                    "unknown language tag '\(rawTag)': use a known tag (\(Self.aliases.keys.sorted().joined(separator: ", "))) or <lang>-x-<refsetId>")
            }
        }
        var seen = Set<Int64>()
        self.refsetIds = ids.filter { seen.insert($0).inserted }
    }
}
