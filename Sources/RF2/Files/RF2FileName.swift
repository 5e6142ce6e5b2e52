/// A parsed RF2 file name (`[x|z]sct2_Description_Snapshot-en_INT_20250101.txt` and all real-world variants).
///
/// Files are recognised by name so that packages with extra folder levels, `x` prefixes, national
/// suffixes or old names still import (RF2 §1.3).
public struct RF2FileName: Hashable, Sendable {
    /// `""` for released files, `x` for provisional (alpha/beta), `z` for archival.
    public var status: String
    /// `sct`, `der`, `doc`, `res` or `tls`.
    public var fileType: String
    /// The format digit (`2` for RF2), empty when absent.
    public var format: String
    /// The whole content type, e.g. `Description`, `cRefset`, `sRefset`, `iisssccRefset`.
    public var contentType: String
    /// The content sub type before the release type, e.g. `Language`, `OWLExpression`, `ExtendedMap`, ``.
    public var summary: String
    public var releaseType: ReleaseType
    /// `Current`, `Draft` or `Review` for documents.
    public var docStatus: String?
    /// Language suffix such as `en`, `no`, `en-GB`.
    public var language: String?
    /// Country code (`INT`, `NO`, `GB` …), possibly empty when only a namespace is given.
    public var country: String
    /// 7-digit namespace (`1000202`), nil when absent.
    public var namespace: Int?
    /// `YYYYMMDD` version date.
    public var versionDate: Int
    /// File extension without the dot.
    public var fileExtension: String

    /// The kind of content, or nil for documentation and other non-data files.
    public var kind: RF2FileKind? {
        guard fileExtension.lowercased() == "txt", fileType == "sct" || fileType == "der" else { return nil }
        switch contentType {
        case "Concept": return .concept
        case "Description": return .description
        case "TextDefinition": return .textDefinition
        case "Relationship": return .relationship
        case "StatedRelationship", "Stated_Relationship": return .statedRelationship
        case "RelationshipConcreteValues": return .concreteValues
        case "Identifier": return .identifier
        default:
            guard contentType.hasSuffix("Refset") else { return nil }
            let pattern = String(contentType.dropLast("Refset".count))
            guard pattern.allSatisfy({ $0 == "c" || $0 == "i" || $0 == "s" }) else { return nil }
            return .refset(pattern: pattern)
        }
    }

    /// `INT`, `NO1000202`: the country and namespace part as written. The namespace keeps its seven digits
    /// (`0500101` stays `0500101`), so a printed name parses back to the same parts.
    public var countryNamespace: String {
        guard let namespace else { return country }
        let digits = String(namespace)
        return country + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// Parses a file name (the last path component); nil when it does not follow the RF2 convention.
    public init?(_ name: String) {
        var rest = Substring(name)
        // Status, type and format: e.g. "xsct2", "der2", "doc".
        guard let firstUnderscore = rest.firstIndex(of: "_") else { return nil }
        var head = rest[..<firstUnderscore]
        rest = rest[rest.index(after: firstUnderscore)...]
        var status = ""
        if let first = head.first, first == "x" || first == "z", head.count > 3 {
            status = String(first)
            head = head.dropFirst()
        }
        var format = ""
        if let last = head.last, last.isNumber {
            format = String(last)
            head = head.dropLast()
        }
        guard ["sct", "der", "doc", "res", "tls"].contains(head) else { return nil }

        // Extension.
        guard let dot = rest.lastIndex(of: ".") else { return nil }
        let fileExtension = String(rest[rest.index(after: dot)...])
        rest = rest[..<dot]

        // The last three underscore-separated parts are sub type, country/namespace and date; the content type
        // is everything before them (it may itself contain an underscore, as in `Stated_Relationship`).
        let parts = rest.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count >= 4 else { return nil }
        let datePart = parts[parts.count - 1]
        let countryPart = parts[parts.count - 2]
        let subTypePart = parts[parts.count - 3]
        let contentType = parts[0..<(parts.count - 3)].joined(separator: "_")
        guard !contentType.isEmpty, contentType.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }

        guard datePart.count == 8, datePart.allSatisfy(\.isASCIIDigitCharacter), let date = Int(datePart) else { return nil }

        // Country letters then namespace digits; at least one present.
        let letters = countryPart.prefix(while: { $0.isASCII && $0.isUppercase })
        let digits = countryPart.dropFirst(letters.count)
        guard !countryPart.isEmpty, digits.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        var namespace: Int?
        if !digits.isEmpty {
            guard digits.count == 7, let value = Int(digits) else { return nil }
            namespace = value
        }

        // Sub type: [summary]ReleaseType[DocStatus][-lang]
        var subType = subTypePart
        var language: String?
        if let dash = subType.firstIndex(of: "-") {
            let lang = subType[subType.index(after: dash)...]
            guard !lang.isEmpty, lang.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else { return nil }
            language = String(lang)
            subType = subType[..<dash]
        }
        var docStatus: String?
        for candidate in ["Current", "Draft", "Review"] where subType.hasSuffix(candidate) {
            docStatus = candidate
            subType = subType.dropLast(candidate.count)
            break
        }
        var releaseType: ReleaseType?
        var summary = ""
        for candidate in ReleaseType.allCases where subType.hasSuffix(candidate.rawValue) {
            releaseType = candidate
            summary = String(subType.dropLast(candidate.rawValue.count))
            break
        }
        guard let releaseType else { return nil }

        self.status = status
        self.fileType = String(head)
        self.format = format
        self.contentType = contentType
        self.summary = summary
        self.releaseType = releaseType
        self.docStatus = docStatus
        self.language = language
        self.country = String(letters)
        self.namespace = namespace
        self.versionDate = date
        self.fileExtension = fileExtension
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
