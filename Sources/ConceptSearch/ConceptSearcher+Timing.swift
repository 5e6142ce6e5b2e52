import Foundation

/// One query's wall time, for latency benchmarks.
public struct QueryTiming: Sendable, Hashable {
    public var query: String
    public var microseconds: Int
    public var total: Int
}

extension ConceptSearcher {
    /// Runs each query in process with `template`'s filters and paging and times it: what a server pays per
    /// request, without process start-up or output formatting.
    public func measure(_ queries: [String], template: SearchRequest) throws -> [QueryTiming] {
        let clock = ContinuousClock()
        return try queries.map { query in
            var request = template
            request.text = query
            var page: SearchPage?
            let elapsed = try clock.measure { page = try search(request) }
            let microseconds = Int(elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000)
            return QueryTiming(query: query, microseconds: microseconds, total: page?.total ?? 0)
        }
    }
}
