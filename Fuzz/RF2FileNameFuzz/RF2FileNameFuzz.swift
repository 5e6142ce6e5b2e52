// libFuzzer target: the RF2 file-name grammar (see FUZZING.md). A name that parses must print back
// (`fileName`) to a name that parses to the same parts.
import Foundation
import RF2
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let name = RF2FileName(text) else { return 0 }
    _ = name.kind
    _ = name.countryNamespace
    for type in ReleaseType.allCases { _ = name.with(type).fileName }
    // Dates with leading zeros print without them (an Int); such names are not release files.
    guard name.versionDate >= 10_000_000 else { return 0 }
    let printed = name.fileName
    guard let again = RF2FileName(printed) else {
        fatalError("\(text.debugDescription) parses but its printed form \(printed.debugDescription) does not")
    }
    check(again == name, "\(text.debugDescription) -> \(printed.debugDescription) parses to different parts: \(name) vs \(again)")
    return 0
}

@main enum FuzzMain {
    static func main() { FuzzDriver.run(fuzz) }
}
