// libFuzzer target: the ECL parser on arbitrary text (see FUZZING.md).
import ECL
import Foundation

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

/// `precondition` that keeps its message in optimised builds (libFuzzer shows it with the crash).
private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

// SwiftPM links a debug executable's `main` to this module's entry point (so tests could import it), which
// hides libFuzzer's own `main`; the entry point therefore hands over to libFuzzer's driver itself.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@main enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, fuzz))
    }
}
