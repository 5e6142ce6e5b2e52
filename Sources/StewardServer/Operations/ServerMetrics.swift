import Foundation
import Prometheus

/// The server's Prometheus metrics: request counts and latency per route, and the sizes of the stores it
/// serves. One registry per application (not the process-wide metrics system), so tests can build
/// several applications side by side.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private static let latencyBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(2), .seconds(5), .seconds(10),
    ]

    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "steward", subsystem: "http", metricName: "requests", unitName: "total", helpText: "HTTP requests answered, by route and status")
    }
    private static var latency: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "steward", subsystem: "http", metricName: "request_duration", unitName: "seconds", helpText: "Time to answer HTTP requests, by route")
    }
    private static var storeBytes: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "steward", subsystem: "store", metricName: "size", unitName: "bytes", helpText: "Size of each store file")
    }
    private static var concepts: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "steward", subsystem: "release", metricName: "concepts", unitName: "total", helpText: "Concepts in each served release")
    }

    public init() {}

    func record(method: String, route: String, status: Int, duration: Duration) {
        registry.makeCounter(descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: [("method", method), ("route", route)], buckets: Self.latencyBuckets)
            .recordNanoseconds(duration.nanoseconds)
    }

    func setStoreSize(kind: String, name: String, bytes: Int64, concepts: Int?) {
        registry.makeGauge(descriptor: Self.storeBytes, labels: [("kind", kind), ("name", name)]).set(Double(bytes))
        if let concepts {
            registry.makeGauge(descriptor: Self.concepts, labels: [("release", name)]).set(Double(concepts))
        }
    }

    private static var cacheEntries: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "steward", subsystem: "response_cache", metricName: "entries", unitName: "total", helpText: "Answers held in the response cache")
    }
    private static var cacheLookups: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "steward", subsystem: "response_cache", metricName: "lookups", unitName: "total", helpText: "Response cache lookups by result")
    }

    func setResponseCache(entries: Int, bytes: Int, hits: Int, misses: Int) {
        registry.makeGauge(descriptor: Self.cacheEntries).set(Double(entries))
        registry.makeGauge(descriptor: Self.storeBytes, labels: [("kind", "response-cache"), ("name", "memory")]).set(Double(bytes))
        registry.makeGauge(descriptor: Self.cacheLookups, labels: [("result", "hit")]).set(Double(hits))
        registry.makeGauge(descriptor: Self.cacheLookups, labels: [("result", "miss")]).set(Double(misses))
    }

    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
