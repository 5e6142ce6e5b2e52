import ECL
import Foundation

/// A SNOMED CT implicit value set URL: `<base>?fhir_vs[=isa/<id> | =refset | =refset/<id> | =ecl/<ECL>]`,
/// where the base is `http://snomed.info/sct`, an edition URI or a version URI.
struct ImplicitValueSet: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case all
        case isA(Int64)
        case allRefsets
        case refset(Int64)
        case ecl(String)
    }

    var kind: Kind
    /// The edition or version URI of the base; nil for `http://snomed.info/sct`.
    var version: String?
    let url: String

    /// Parses `url`; nil when it is not a SNOMED CT implicit value set at all. A SNOMED CT URL with a
    /// malformed `fhir_vs` part is a 400.
    init?(url: String) throws {
        guard let question = url.firstIndex(of: "?") else { return nil }
        let base = String(url[..<question])
        let query = String(url[url.index(after: question)...])
        guard SNOMED.isSNOMED(base), query == "fhir_vs" || query.hasPrefix("fhir_vs=") else { return nil }
        self.url = url
        version = base == SNOMED.system ? nil : base
        let value = query == "fhir_vs" ? "" : String(query.dropFirst("fhir_vs=".count))
        func id(_ text: Substring, _ what: String) throws -> Int64 {
            try SNOMED.conceptId(String(text), parameter: "\(what) in url '\(url)'")
        }
        if value.isEmpty {
            kind = .all
        } else if value.hasPrefix("isa/") {
            kind = .isA(try id(value.dropFirst(4), "the isa concept"))
        } else if value == "refset" {
            kind = .allRefsets
        } else if value.hasPrefix("refset/") {
            kind = .refset(try id(value.dropFirst(7), "the refset id"))
        } else if value.hasPrefix("ecl/") {
            let encoded = String(value.dropFirst(4))
            let ecl = encoded.removingPercentEncoding ?? encoded
            guard !ecl.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw APIError.badRequest("url '\(url)': fhir_vs=ecl/ needs an ECL expression after the slash")
            }
            kind = .ecl(ecl)
        } else {
            throw APIError.badRequest(
                "url '\(url)': unknown implicit value set '\(value)'; use fhir_vs, fhir_vs=isa/<id>, fhir_vs=refset, fhir_vs=refset/<id> or fhir_vs=ecl/<ECL>"
            )
        }
    }

    /// The value set as ECL (all kinds but `allRefsets`, which is a list); ECL from the URL is checked first
    /// so a syntax error names its position in the caller's text.
    func ecl() throws -> String {
        switch kind {
        case .all: return "*"
        case .isA(let id): return "<< \(id)"
        case .refset(let id): return "^ \(id)"
        case .allRefsets: return "<< \(900000000000455006 as Int64)"
        case .ecl(let text):
            try ComposeTranslator.checkECL(text, location: "url '\(url.prefix { $0 != "?" })?fhir_vs=ecl/…'")
            return text
        }
    }
}
