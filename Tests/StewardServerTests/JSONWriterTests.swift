import ConceptSearch
import Foundation
import GRDB
import TerminologyStore
import StewardViews
import SyntheticRelease
import Testing
@testable import StewardServer

/// The hot FHIR routes write their JSON with `JSONWriter` instead of `JSONEncoder`; answers must not change
/// with that, byte for byte, so cached, conditional and client-compared bodies stay the same.
@Suite("JSON writer")
struct JSONWriterTests {
    /// Text that exercises escaping: quotes, backslashes, slashes, every short escape, other control
    /// characters, DEL, Norwegian letters, an emoji and a line separator.
    static let awkward = "«\"sitat\"» C:\\sti/del\u{01}\u{08}\u{0C}\n\r\t\u{1F}\u{7F} blåbærsyltetøy 😀\u{2028}"

    static var parameters: Parameters {
        let coding = Coding.snomed(22298006, display: "hjerteinfarkt", version: "http://snomed.info/sct/51000202101/version/20250415")
        let expansion = ValueSet.Expansion(
            identifier: "urn:uuid:\(awkward)", timestamp: "2026-12-01T20:00:00Z", total: 2, offset: 0,
            parameter: [.init("count", .integer(20)), .init("displayLanguage", .code("nn")), .init("activeOnly", .boolean(true))],
            contains: [
                .init(
                    system: SNOMED.system, version: "v", code: "22298006", display: "hjerteinfarkt", inactive: nil,
                    designation: [Designation(language: "nb", use: coding, value: awkward), Designation(language: nil, use: nil, value: "x")]),
                .init(system: SNOMED.system, version: "v", code: "84114007", display: nil, inactive: true, designation: nil),
            ])
        let compose = ValueSet.Compose(
            include: [
                .init(
                    system: SNOMED.system, version: nil, concept: [.init(code: "1", display: awkward)],
                    filter: [.init(property: "constraint", op: "=", value: "<< 404684003")], valueSet: ["a", "b"])
            ],
            exclude: [], inactive: false)
        let valueSet = ValueSet(
            url: "http://snomed.info/sct?fhir_vs=ecl/<<404684003", version: nil, name: "n", title: awkward, compose: compose, expansion: expansion)
        return Parameters([
            Parameter("name", .string("SNOMED CT")),
            Parameter("display", .string(awkward)),
            Parameter("result", .boolean(false)),
            Parameter("count", .integer(-42)),
            Parameter("weights", .decimal(500)),
            Parameter("ratio", .decimal(1.5)),
            Parameter("huge", .decimal(1e21)),
            Parameter("system", .uri("http://snomed.info/sct")),
            Parameter("url", .canonical("http://snomed.info/sct?fhir_vs")),
            Parameter("when", .dateTime("2026-12-01")),
            Parameter("coding", .coding(coding)),
            Parameter("concept", .codeableConcept(CodeableConcept(coding: [coding, Coding(code: "x")], text: awkward))),
            Parameter(
                "property",
                parts: [
                    Parameter("code", .code("609096000")),
                    Parameter("subproperty", parts: [Parameter("value", .code("1")), Parameter("description", .string(""))]),
                ]),
            Parameter("return", resource: .valueSet(valueSet)),
            Parameter("other", resource: .other(resourceType: "Patient")),
            Parameter("empty", parts: []),
        ])
    }

    @Test("Parameters and ValueSets are written byte for byte as the shared JSONEncoder writes them")
    func sameBytesAsTheEncoder() throws {
        let parameters = Self.parameters
        let encoded = try JSONResponse.encoder().encode(parameters)
        let written = parameters.jsonBytes()
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
        #expect(written == Array(encoded))

        guard case .valueSet(let valueSet) = parameters.first("return")?.resource else {
            Issue.record("the test value lost its ValueSet")
            return
        }
        #expect(valueSet.jsonBytes() == Array(try JSONResponse.encoder().encode(valueSet)))
        var bare = Parameters()
        bare.parameter = nil
        #expect(bare.jsonBytes() == Array(#"{"resourceType":"Parameters"}"#.utf8))
        #expect(bare.jsonBytes() == Array(try JSONResponse.encoder().encode(bare)))
    }

    @Test("every concept of the Norwegian sample release, and search pages, are written as the encoder writes them")
    func conceptsAndSearchPagesAsTheEncoderWrites() throws {
        let server = try TestServer()
        let store = try ReleaseStore(path: server.dataDirectory.appendingPathComponent("releases/NO-20250215.sqlite").path)
        let ids = try store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM concept ORDER BY id") }
        #expect(ids.count > 250)
        var checked = Set<String>()
        for id in ids {
            guard let detail = try store.conceptDetail(id) else { continue }
            let view = ConceptView(detail)
            if view.jsonBytes() != Array(try JSONResponse.encoder().encode(view)) {
                Issue.record("concept \(id) is written differently from the encoder")
            }
            if !detail.memberships.isEmpty { checked.insert("memberships") }
            if !detail.associations.isEmpty { checked.insert("associations") }
            if detail.groups.contains(where: { $0.attributes.contains { $0.concreteValue != nil } }) { checked.insert("concrete values") }
            if detail.descriptions.contains(where: { $0.acceptability.count > 1 }) { checked.insert("acceptability maps") }
        }
        #expect(checked == ["memberships", "associations", "concrete values", "acceptability maps"])

        let searcher = try ConceptSearcher(store: store)
        for text in ["hjerte", "infarct", "fraktur av", "diabetes type 2", "xyzzy"] {
            let page = SearchPageView(try searcher.search(SearchRequest(text: text)))
            #expect(page.jsonBytes() == Array(try JSONResponse.encoder().encode(page)))
            if text == "hjerte" { #expect(!page.hits.isEmpty) }
        }
    }

    @Test("decimals are spelled as the encoder spells them")
    func decimalsAsTheEncoderSpellsThem() throws {
        var generator = SplitMix64(seed: 42)
        let fixed: [Double] = [0, -0.0, 1, 500, 1.5, 0.1, 1e21, 1e-7, 123456789.123, 2.5e-300, .greatestFiniteMagnitude, 1 / 3]
        let values =
            fixed + (0..<500).map { _ in Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) }
            + (0..<500).map { _ in Double.random(in: -1e6...1e6, using: &generator) }
        var writer = JSONWriter()
        writer.beginArray()
        for value in values { writer.decimal(value) }
        writer.endArray()
        #expect(writer.bytes == Array(try JSONResponse.encoder().encode(values)))
    }

    @Test("escapes are the JSON ones and the text reads back unchanged")
    func escapesRoundTrip() throws {
        var writer = JSONWriter()
        writer.beginArray()
        writer.string(Self.awkward)
        writer.string("")
        writer.endArray()
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"["«\"sitat\"» C:\\sti/del\u0001\b\f\n\r\t\u001f"#))
        #expect(try JSONDecoder().decode([String].self, from: Data(writer.bytes)) == [Self.awkward, ""])
    }
}
