import Foundation

/// Wall-clock time of each import stage, in order.
final class StageClock {
    private(set) var stages: [(String, Double)] = []
    private let started = Date()
    private var lapStart = Date()

    /// Ends the stage `name` now.
    func lap(_ name: String) {
        stages.append((name, Date().timeIntervalSince(lapStart)))
        lapStart = Date()
    }

    var elapsed: Double { Date().timeIntervalSince(started) }
}
