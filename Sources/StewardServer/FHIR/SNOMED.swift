import Foundation
import RF2
import TerminologyStore

/// SNOMED CT in FHIR: the system URI, version URIs and what a code may be.
enum SNOMED {
    static let system = "http://snomed.info/sct"
    static let versionPrefix = "http://snomed.info/sct/"
    /// The prefix of an unpublished release's edition and version URIs.
    static let unpublishedPrefix = "http://snomed.info/xsct/"
    /// The attribute code `$lookup` uses for a relationship group (its attributes are subproperties).
    static let roleGroup: Int64 = 609096000

    /// Whether `uri` names SNOMED CT: the system URI, an edition URI or a version URI.
    static func isSNOMED(_ uri: String) -> Bool {
        uri == system || uri.hasPrefix(versionPrefix) || uri.hasPrefix(unpublishedPrefix)
    }

    /// The version part of a `system|version` canonical, or the text itself when it has no system part.
    /// `http://snomed.info/sct|http://snomed.info/sct/900000000000207008/version/20250201` → the version URI.
    static func versionPart(_ text: String) -> String {
        guard let bar = text.firstIndex(of: "|") else { return text }
        return String(text[text.index(after: bar)...])
    }

    /// A concept id from a FHIR code. Anything else is a 400 that says what the code is instead: a
    /// description or relationship id, an expression (not supported), or not an SCTID at all.
    static func conceptId(_ code: String, parameter: String, store: ReleaseStore? = nil) throws -> Int64 {
        let text = code.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw APIError.badRequest("parameter '\(parameter)' is empty: give a SNOMED CT concept id") }
        guard text.allSatisfy(\.isASCIIDigit), let id = Int64(text) else {
            if text.contains(where: { ":|=+{}".contains($0) }) {
                throw APIError.badRequest(
                    "code '\(text)' (\(parameter)) is a SNOMED CT expression: this server supports concept ids only, not postcoordinated expressions")
            }
            throw APIError.badRequest("code '\(text)' (\(parameter)) is not a SNOMED CT concept id: a concept id is 6 to 18 digits")
        }
        if SCTID.isValid(id, kind: .concept) { return id }
        if SCTID.isValid(id, kind: .description) {
            var owner = ""
            if let store, let description = try store.description(id) {
                owner = " (it is a description of concept \(description.conceptId), '\(description.term)')"
            }
            throw APIError.badRequest(
                "code '\(text)' (\(parameter)) is a description id, not a concept id\(owner): SNOMED CT codes in FHIR are concept ids")
        }
        if SCTID.isValid(id, kind: .relationship) {
            throw APIError.badRequest("code '\(text)' (\(parameter)) is a relationship id, not a concept id: SNOMED CT codes in FHIR are concept ids")
        }
        throw APIError.badRequest(
            "code '\(text)' (\(parameter)) is not a valid SNOMED CT concept id: an SCTID with the concept partition and a valid Verhoeff check digit")
    }

    /// Whether `code` is the id of a description or relationship: worth saying when it was given as a concept.
    static func isOtherComponent(_ code: String) -> Bool {
        guard let id = Int64(code.trimmingCharacters(in: .whitespaces)) else { return false }
        return SCTID.isValid(id, kind: .description) || SCTID.isValid(id, kind: .relationship)
    }

    /// Requires `system` (when given) to be SNOMED CT: this server has no other code system.
    static func requireSystem(_ system: String?, parameter: String) throws {
        guard let system, system != Self.system else { return }
        if system.hasPrefix(versionPrefix) || system.hasPrefix(unpublishedPrefix) {
            throw APIError.badRequest(
                "\(parameter) '\(system)' is a SNOMED CT edition or version URI: give system \(Self.system) and the version in the version parameter")
        }
        throw APIError.notFound("CodeSystem '\(system)' (\(parameter)) is not known: this server has SNOMED CT (\(Self.system)) only")
    }

    /// The edition a release belongs to, as people name it: "International Edition", "Norwegian Edition", or
    /// the release's name for other editions.
    static func editionName(_ info: ReleaseInfo) -> String {
        switch info.editionModule {
        case 900000000000207008: "International Edition"
        case 51000202101: "Norwegian Edition"
        default: info.name
        }
    }

    /// A version URI's date as a FHIR date: `20250201` → `2025-02-01`.
    static func isoDate(_ effectiveTime: Int) -> String {
        let text = String(effectiveTime)
        guard text.count == 8 else { return text }
        let chars = Array(text)
        return "\(String(chars[0..<4]))-\(String(chars[4..<6]))-\(String(chars[6..<8]))"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
