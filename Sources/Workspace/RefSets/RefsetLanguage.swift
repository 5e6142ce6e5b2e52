import RF2

/// The language of a refset's own terms: the RF2 description language code and the language refsets in
/// which its terms are preferred.
struct RefsetLanguage: Sendable {
    var descriptionLanguageCode: String
    var languageRefsets: [Int64]

    init(_ tag: String) throws {
        switch tag.lowercased() {
        case "nb", "nb-no", "no": self.init(code: "no", refsets: [WellKnown.norwegianBokmal])
        case "nn", "nn-no": self.init(code: "no", refsets: [WellKnown.norwegianNynorsk])
        case "en", "en-us", "en-gb": self.init(code: "en", refsets: [WellKnown.usEnglish, WellKnown.gbEnglish])
        default: throw WorkspaceError(.invalid, "refset language '\(tag)' is not supported: use nb, nn or en")
        }
    }

    private init(code: String, refsets: [Int64]) {
        descriptionLanguageCode = code
        languageRefsets = refsets
    }
}
