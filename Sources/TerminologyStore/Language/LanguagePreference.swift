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

    /// Dialect aliases and plain language tags, lower-cased: the Norwegian and English tags Steward's users
    /// type, and every alias of the ECL specification's Appendix C (national editions' language refsets, so
    /// `dialect = sv-se` works on a Swedish edition).
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
        // ECL specification, Appendix C "Dialect Aliases", alias by alias.
        "da-dk": [554461000005103],  // Danish
        "en-au": [32570271000036106],  // Australian English
        "en-ca": [19491000087109],  // Canada English
        "en-ie": [21000220103],  // Irish
        "en-nz": [271000210107],  // New Zealand English
        "en-nz-x-pat": [281000210109],  // New Zealand English patient friendly terms
        "en-x-gmdn": [608771002],  // GMDN
        "en-x-nhs-clinical": [999001261000000100],  // NHS realm (clinical part)
        "en-x-nhs-dmd": [999000671000001103],  // NHS dictionary of medicines and devices realm
        "en-x-nhs-pharmacy": [999000691000001104],  // NHS realm (pharmacy part)
        "en-gb-x-drug": [999000681000001101],  // UK Drug Extension Great Britain English
        "en-gb-x-ext": [999001251000000103],  // UK Extension Great Britain English
        "es": [450828004],  // Castellano para America Latina
        "es-uy": [5641000179103],  // Castellano para Uruguay
        "et-ee": [71000181105],  // Estonian
        "de": [722130004],  // German
        "fr": [722131000],  // French
        "fr-be": [21000172104],  // Belgian French
        "fr-ca": [20581000087109],  // Canada French
        "ja": [722129009],  // Japanese
        "mi": [291000210106],  // Maori
        "nl-be": [31000172101],  // Belgian Dutch
        "nl-nl": [31000146106],  // Netherlands Dutch
        "sv-se": [46011000052107],  // Swedish
        "zh": [722128001],  // Chinese
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
