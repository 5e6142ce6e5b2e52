// libFuzzer target: FHIR `Parameters` / `ValueSet` request bodies as the terminology operations read them
// (see FUZZING.md). The body is decoded the way `OperationInput.read` does; what the server then does
// without a store is run too: the typed parameter accessors, `CodedInput`, implicit value set URLs, the
// compose-to-ECL translation (whose output must parse), and writing the resource back as JSON, which must
// decode again and be stable from then on.
import ECL
import Foundation
import Hummingbird
import NIOCore
import StewardViews
import FuzzSupport
@testable import StewardServer

private struct ResourceTypeProbe: Decodable {
    var resourceType: String?
}

private let request = Request(
    head: HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/fhir/ValueSet/$expand"),
    body: RequestBody(buffer: ByteBuffer()))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let decoder = JSONDecoder()
    guard let type = try? decoder.decode(ResourceTypeProbe.self, from: bytes).resourceType else { return 0 }
    let body: StewardServer.Parameters
    switch type {
    case "Parameters":
        guard let parameters = try? decoder.decode(StewardServer.Parameters.self, from: bytes) else { return 0 }
        body = parameters
    case "ValueSet":
        guard let valueSet = try? decoder.decode(ValueSet.self, from: bytes) else { return 0 }
        body = StewardServer.Parameters([Parameter("valueSet", resource: .valueSet(valueSet))])
        roundTrip(valueSet)
    default:
        return 0
    }
    roundTrip(body)
    let input = OperationInput(body: body, request: request)
    for name in Set((body.parameter ?? []).map(\.name)).sorted() {
        _ = try? input.string(name)
        _ = try? input.strings(name)
        _ = try? input.bool(name)
        _ = try? input.int(name, range: 0...1000)
        _ = try? input.coding(name)
        _ = try? input.codeableConcept(name)
        _ = try? input.valueSet(name)
    }
    _ = try? input.language()
    _ = try? CodedInput.read(input)
    if let concept = try? input.codeableConcept("codeableConcept") {
        _ = CodedInput.codings(of: concept, parameter: "codeableConcept", version: nil, display: nil)
    }
    if let url = try? input.string("url") { _ = try? ImplicitValueSet(url: url)?.ecl() }
    if let valueSet = try? input.valueSet("valueSet") {
        if let url = valueSet.url { _ = try? ImplicitValueSet(url: url)?.ecl() }
        if let compose = valueSet.compose, let translated = try? ComposeTranslator.ecl(compose) {
            do {
                _ = try ECLParser.parse(translated.ecl)
            } catch {
                fatalError("compose translated to ECL that does not parse: \(translated.ecl.debugDescription): \(error)")
            }
        }
    }
    return 0
}

/// Writes `value` as JSON, decodes that again and writes it once more: the server's own output must be
/// valid input, and a second round must give the same bytes.
private func roundTrip<T: JSONWritable & Decodable>(_ value: T) {
    let first = value.jsonBytes()
    let decoded: T
    do {
        decoded = try JSONDecoder().decode(T.self, from: Data(first))
    } catch {
        fatalError("written \(T.self) does not decode: \(String(decoding: first, as: UTF8.self)): \(error)")
    }
    let second = decoded.jsonBytes()
    check(first == second, "\(T.self) not stable: \(String(decoding: first, as: UTF8.self)) then \(String(decoding: second, as: UTF8.self))")
}

@main enum FuzzMain {
    static func main() { FuzzDriver.run(fuzz) }
}
