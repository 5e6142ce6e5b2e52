// What every libFuzzer target shares (see FUZZING.md): an invariant check and the hand-over to libFuzzer.
import Foundation

/// `precondition` that keeps its message in optimised builds (libFuzzer shows it with the crash).
public func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links a debug executable's `main` to its module's entry point (so tests could import it), which
/// hides libFuzzer's own `main`; each target's entry point therefore calls this to start libFuzzer's driver.
public enum FuzzDriver {
    public static func run(_ target: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, target))
    }
}
