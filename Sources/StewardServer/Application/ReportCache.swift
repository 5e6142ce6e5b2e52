import Foundation
import ReleaseDiff
import TerminologyStore

/// Diff reports are expensive (seconds on an International-size pair) and release stores never change,
/// so the last few comparisons are kept. Concurrent requests for the same pair share one computation.
actor ReportCache {
    private var entries: [String: Task<DiffReport, any Error>] = [:]
    private var order: [String] = []
    private let capacity = 4

    func report(key: String, compute: @escaping @Sendable () async throws -> DiffReport) async throws -> DiffReport {
        if let task = entries[key] {
            return try await task.value
        }
        // Unstructured tasks do not inherit the executor preference: the comparison reads stores, so it
        // runs on the store-access executor explicitly.
        let task = Task(executorPreference: StoreAccess.executor) { try await compute() }
        entries[key] = task
        order.append(key)
        if order.count > capacity {
            entries[order.removeFirst()] = nil
        }
        do {
            return try await task.value
        } catch {
            entries[key] = nil
            order.removeAll { $0 == key }
            throw error
        }
    }
}
