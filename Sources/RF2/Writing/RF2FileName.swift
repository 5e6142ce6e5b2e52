/// The parts of an RF2 file name (RF2 §1.3), so writers never assemble names by hand.
///
/// `sct2_Concept_Snapshot_INT_20250101.txt`, `der2_cRefset_LanguageSnapshot-no_NO1000202_20250215.txt`,
/// `xsct2_sRefset_OWLExpressionFull_INT_20250101.txt` all come from the same few fields.
public struct RF2FileName: Sendable, Hashable {
    /// Release type written in the content sub-type.
    public enum ReleaseType: String, Sendable, CaseIterable {
        case full = "Full", snapshot = "Snapshot", delta = "Delta"
    }

    /// `sct` for terminology files, `der` for derivatives (refsets).
    public enum FileType: String, Sendable {
        case sct, der
    }

    /// Empty for production files, `x` for provisional (alpha/beta), `z` for archival.
    public var status: String
    public var fileType: FileType
    /// `Concept`, `Description`, or a refset pattern plus `Refset`, e.g. `cRefset`, `iisssccRefset`.
    public var contentType: String
    /// Words before the release type, e.g. `Language`, `OWLExpression`, `SimpleMap`; empty for core files.
    public var contentSubType: String
    public var releaseType: ReleaseType
    /// Optional language code suffix, e.g. `en`, `no`.
    public var languageCode: String?
    /// `INT`, or a country code such as `NO`.
    public var country: String
    /// Optional 7-digit namespace after the country code.
    public var namespace: Int?
    /// `YYYYMMDD`.
    public var effectiveTime: String

    public init(
        status: String = "", fileType: FileType, contentType: String, contentSubType: String = "",
        releaseType: ReleaseType, languageCode: String? = nil, country: String = "INT", namespace: Int? = nil,
        effectiveTime: String
    ) {
        self.status = status
        self.fileType = fileType
        self.contentType = contentType
        self.contentSubType = contentSubType
        self.releaseType = releaseType
        self.languageCode = languageCode
        self.country = country
        self.namespace = namespace
        self.effectiveTime = effectiveTime
    }

    /// A core component file (`sct2_<content>_<type>[-lang]_...`).
    public static func component(
        _ contentType: String, _ releaseType: ReleaseType, language: String? = nil, country: String = "INT",
        namespace: Int? = nil, effectiveTime: String, provisional: Bool = false
    ) -> RF2FileName {
        RF2FileName(
            status: provisional ? "x" : "", fileType: .sct, contentType: contentType, releaseType: releaseType,
            languageCode: language, country: country, namespace: namespace, effectiveTime: effectiveTime)
    }

    /// A refset file: `pattern` is the additional-column letters (`c`, `iissscc` ...), `name` e.g. `Language`.
    /// OWL expression refsets are terminology (`sct2_`) files; pass `fileType: .sct` for them.
    public static func refset(
        pattern: String, name: String, _ releaseType: ReleaseType, language: String? = nil,
        country: String = "INT", namespace: Int? = nil, effectiveTime: String, provisional: Bool = false,
        fileType: FileType = .der
    ) -> RF2FileName {
        RF2FileName(
            status: provisional ? "x" : "", fileType: fileType, contentType: pattern + "Refset", contentSubType: name,
            releaseType: releaseType, languageCode: language, country: country, namespace: namespace,
            effectiveTime: effectiveTime)
    }

    /// The same name with another release type (Snapshot ↔ Full ↔ Delta).
    public func with(_ releaseType: ReleaseType) -> RF2FileName {
        var copy = self
        copy.releaseType = releaseType
        return copy
    }

    /// The file name, e.g. `der2_cRefset_LanguageSnapshot-no_NO1000202_20250215.txt`.
    public var fileName: String {
        var name = status + fileType.rawValue + "2_" + contentType + "_" + contentSubType + releaseType.rawValue
        if let languageCode { name += "-" + languageCode }
        name += "_" + country
        if let namespace { name += String(namespace) }
        return name + "_" + effectiveTime + ".txt"
    }
}
