import Foundation

/// What `release_package_information.json` says about a package, when it is present.
///
/// The file's shape varies between producers, so only the well-known fields are read and the raw text is
/// kept for display.
public struct PackageInfo: Sendable, Hashable {
    public var effectiveTime: Int?
    public var previousPublishedPackage: String?
    public var licenceStatement: String?
    /// Language refset ids the package declares.
    public var languageRefsets: [Int64]
    public var rawJSON: String

    public init(
        effectiveTime: Int? = nil, previousPublishedPackage: String? = nil, licenceStatement: String? = nil, languageRefsets: [Int64] = [], rawJSON: String
    ) {
        self.effectiveTime = effectiveTime
        self.previousPublishedPackage = previousPublishedPackage
        self.licenceStatement = licenceStatement
        self.languageRefsets = languageRefsets
        self.rawJSON = rawJSON
    }

    /// Reads the JSON leniently; nil when it is not a JSON object.
    public init?(json data: Data) {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        func int(_ value: Any?) -> Int? {
            if let number = value as? NSNumber { return number.intValue }
            if let text = value as? String { return Int(text.prefix(8)) }
            return nil
        }
        var refsets: [Int64] = []
        if let list = object["languageRefsets"] as? [Any] {
            for item in list {
                if let text = item as? String, let id = Int64(text) { refsets.append(id) }
                if let number = item as? NSNumber { refsets.append(number.int64Value) }
                if let entry = item as? [String: Any] {
                    if let text = entry["id"] as? String, let id = Int64(text) { refsets.append(id) }
                    if let number = entry["id"] as? NSNumber { refsets.append(number.int64Value) }
                }
            }
        }
        self.init(
            effectiveTime: int(object["effectiveTime"]),
            previousPublishedPackage: object["previousPublishedPackage"] as? String,
            licenceStatement: object["licenceStatement"] as? String,
            languageRefsets: refsets,
            rawJSON: String(decoding: data, as: UTF8.self))
    }
}
