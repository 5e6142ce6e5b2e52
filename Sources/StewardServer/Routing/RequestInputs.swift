import Foundation
import Hummingbird
import RF2
import TerminologyStore

/// Reading and checking query and path inputs; every failure is a 400 that names the parameter.
extension Request {
    func query(_ name: String) -> String? {
        uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    func queryAll(_ name: String) -> [String] {
        uri.queryParameters.getAll(name).flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    func queryBool(_ name: String, default value: Bool = false) throws -> Bool {
        guard let text = query(name) else { return value }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw APIError.badRequest("parameter '\(name)' must be true or false, got '\(text)'")
        }
    }

    func queryInt(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = query(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.badRequest("parameter '\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return number
    }

    /// The display-language preference: `?lang=` (strict: an unknown tag is an error), else the
    /// `Accept-Language` header (lenient: unknown tags and `*` are skipped, q-values order the rest).
    func languagePreference() throws -> LanguagePreference {
        if let explicit = query("lang") ?? query("displayLanguage") {
            return try LanguagePreference(parsing: explicit)
        }
        guard let header = headers[.acceptLanguage] else { return .default }
        return Self.acceptLanguage(header) ?? .default
    }

    static func acceptLanguage(_ header: String) -> LanguagePreference? {
        let ranked = header.split(separator: ",").enumerated().compactMap { index, part -> (tag: String, q: Double, index: Int)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty, tag != "*" else { return nil }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return q > 0 ? (tag, q, index) : nil
        }
        let ids = ranked.sorted { ($0.q, -$0.index) > ($1.q, -$1.index) }.flatMap { (try? LanguagePreference(parsing: $0.tag))?.refsetIds ?? [] }
        var seen = Set<Int64>()
        let unique = ids.filter { seen.insert($0).inserted }
        return unique.isEmpty ? nil : LanguagePreference(refsetIds: unique)
    }
}

/// Paging inputs shared by every list route.
struct Paging: Sendable {
    var limit: Int
    var offset: Int

    init(_ request: Request, defaultLimit: Int = 50, maximumLimit: Int = 10_000) throws {
        limit = try request.queryInt("limit", default: defaultLimit, range: 0...maximumLimit)
        offset = try request.queryInt("offset", default: 0, range: 0...Int(Int32.max))
    }
}

/// One page of a longer list, with the total so clients can page.
struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    var total: Int
    var offset: Int
    var limit: Int
    var items: [Item]
}

/// A list that is never paged (small by nature).
struct ItemList<Item: Encodable & Sendable>: Encodable, Sendable {
    var total: Int
    var items: [Item]

    init(_ items: [Item]) {
        total = items.count
        self.items = items
    }
}

enum Identifier {
    /// A concept id from a path or query parameter: digits with the concept partition and a valid check digit.
    static func concept(_ text: String?, parameter: String) throws -> Int64 {
        guard let text, !text.isEmpty else { throw APIError.badRequest("parameter '\(parameter)' is required") }
        guard let id = Int64(text), SCTID.isValid(id, kind: .concept) else {
            throw APIError.badRequest(
                "'\(text)' (\(parameter)) is not a valid concept id: an SCTID with the concept partition and a valid Verhoeff check digit")
        }
        return id
    }
}

extension Request {
    /// The JSON body decoded as `T`. Errors name the field and what was wrong with it (400), and a body
    /// over the server's limit is refused (413).
    func decodeJSON<T: Decodable>(_ type: T.Type, context: StewardRequestContext) async throws -> T {
        var request = self
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { throw APIError.badRequest("this route needs a JSON request body") }
        // A DecodingError is answered 400 by the error middleware, naming the field.
        return try JSONBody.decode(T.self, from: Data(buffer.readableBytesView))
    }
}
