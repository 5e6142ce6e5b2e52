extension RF2FileName {
    /// Builds a name from its parts; the inverse of parsing, so writers never assemble names by hand.
    public init(
        status: String = "", fileType: String, contentType: String, summary: String = "", releaseType: ReleaseType,
        language: String? = nil, country: String = "INT", namespace: Int? = nil, versionDate: Int
    ) {
        self.status = status
        self.fileType = fileType
        self.format = fileType == "sct" || fileType == "der" ? "2" : ""
        self.contentType = contentType
        self.summary = summary
        self.releaseType = releaseType
        self.docStatus = nil
        self.language = language
        self.country = country
        self.namespace = namespace
        self.versionDate = versionDate
        self.fileExtension = "txt"
    }

    /// A core component file: `sct2_<content>_<type>[-lang]_<country><namespace>_<date>.txt`.
    public static func component(
        _ contentType: String, _ releaseType: ReleaseType, language: String? = nil, country: String = "INT",
        namespace: Int? = nil, effectiveTime: String, provisional: Bool = false
    ) -> RF2FileName {
        RF2FileName(
            status: provisional ? "x" : "", fileType: "sct", contentType: contentType, releaseType: releaseType,
            language: language, country: country, namespace: namespace, versionDate: Int(effectiveTime) ?? 0)
    }

    /// A refset file: `pattern` is the additional-column letters (`c`, `iissscc` …), `name` e.g. `Language`.
    /// OWL expression refsets are terminology files: pass `fileType: "sct"` for them.
    public static func refset(
        pattern: String, name: String, _ releaseType: ReleaseType, language: String? = nil, country: String = "INT",
        namespace: Int? = nil, effectiveTime: String, provisional: Bool = false, fileType: String = "der"
    ) -> RF2FileName {
        RF2FileName(
            status: provisional ? "x" : "", fileType: fileType, contentType: pattern + "Refset", summary: name,
            releaseType: releaseType, language: language, country: country, namespace: namespace,
            versionDate: Int(effectiveTime) ?? 0)
    }

    /// The same name with another release type (Snapshot ↔ Full ↔ Delta).
    public func with(_ releaseType: ReleaseType) -> RF2FileName {
        var copy = self
        copy.releaseType = releaseType
        return copy
    }

    /// The file name, e.g. `der2_cRefset_LanguageSnapshot-no_NO1000202_20250215.txt`.
    public var fileName: String {
        var name = status + fileType + format + "_" + contentType + "_" + summary + releaseType.rawValue
        if let docStatus { name += docStatus }
        if let language { name += "-" + language }
        return name + "_" + countryNamespace + "_" + String(versionDate) + "." + fileExtension
    }
}
