import Foundation

/// A bounded hand-off between the parsing thread and the writer, so parsing runs on one core while SQLite
/// inserts on the other, and memory stays flat however large the release.
final class BatchChannel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private let capacity: Int
    private var cancelled = false
    /// Seconds the producer spent blocked on a full channel and the consumer on an empty one: which side of
    /// the pipeline is the bottleneck.
    private(set) var producerWaiting = 0.0
    private(set) var consumerWaiting = 0.0

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Blocks while full; returns false when the consumer has cancelled.
    func put(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if items.count >= capacity && !cancelled {
            let start = DispatchTime.now().uptimeNanoseconds
            while items.count >= capacity && !cancelled { condition.wait() }
            producerWaiting += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        if cancelled { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Blocks until an item is available.
    func take() -> Element {
        condition.lock()
        defer { condition.unlock() }
        if items.isEmpty {
            let start = DispatchTime.now().uptimeNanoseconds
            while items.isEmpty { condition.wait() }
            consumerWaiting += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func waitingTimes() -> (producer: Double, consumer: Double) {
        condition.lock()
        defer { condition.unlock() }
        return (producerWaiting, consumerWaiting)
    }

    /// Tells the producer to stop.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
