// libFuzzer target: parse + evaluate ECL against the INT 20250101 sample release (see FUZZING.md).
// The store is imported once per process into a temporary directory; every input that parses is evaluated
// with a small page, so a slow evaluation shows up as a libFuzzer timeout.
import ECL
import Foundation
import TerminologyStore
import FuzzSupport

private let engine: ECLEngine = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let release = root.appendingPathComponent("Releases/SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-fuzz-ecl-\(getpid())")
    try? FileManager.default.removeItem(at: directory)
    try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let catalog = ReleaseCatalog(dataDirectory: directory)
    let summary = try! ReleaseImporter(catalog: catalog).importRelease(from: [release])
    return ECLEngine(store: try! catalog.open(summary.name))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let expression = try? ECLParser.parse(text) else { return 0 }
    do {
        let page = try engine.evaluate(expression, limit: 20)
        check(page.total >= page.ids.count, "page longer than its total")
        check(page.total >= (page.rows?.count ?? 0), "page longer than its total")
        if page.rows == nil {
            check(zip(page.ids, page.ids.dropFirst()).allSatisfy { $0 < $1 }, "ids not strictly ascending: \(page.ids)")
        }
    } catch is ECLEvaluationError {
        // Parses but cannot be evaluated against this release: a 400, not a crash.
    } catch {
        // Any other error (SQLite, store) on a parsed expression is a finding.
        fatalError("evaluation of \(text.debugDescription) failed with \(String(reflecting: error))")
    }
    return 0
}

@main enum FuzzMain {
    static func main() { FuzzDriver.run(fuzz) }
}
