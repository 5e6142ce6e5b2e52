// libFuzzer target: the ECL parser on arbitrary text (see FUZZING.md).
import ECL
import Foundation
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try ECLParser.parse(text)
    } catch {
        // A syntax error must point inside the text (or just past its end).
        let length = text.count
        check(error.offset >= 0 && error.offset <= length, "error offset \(error.offset) outside 0...\(length): \(error)")
        check(error.line >= 1 && error.column >= 1, "error position \(error.line):\(error.column) not 1-based: \(error)")
        check(!error.message.isEmpty, "syntax error without a message")
    }
    return 0
}

@main enum FuzzMain {
    static func main() { FuzzDriver.run(fuzz) }
}
