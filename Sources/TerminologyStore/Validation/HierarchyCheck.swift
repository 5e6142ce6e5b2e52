import GRDB
import RF2

/// Rules `isa-cycle` and `isa-parent` over active inferred IS-A relationships.
///
/// Neither RVF nor the authoring rules test for cycles (the classifier is trusted), but a cycle breaks every
/// transitive-closure consumer, so strongly connected components are found here (iterative Tarjan, linear
/// in the number of edges; an International hierarchy is about 600,000 edges).
struct HierarchyCheck {
    private struct Edge {
        let source: Int32
        let destination: Int32
        let file: Int32
        let line: Int32
    }

    func run(_ context: inout CheckContext) throws {
        var index: [Int64: Int32] = [:]
        var ids: [Int64] = []
        var edges: [Edge] = []
        var hasParent = Set<Int64>()
        func node(_ id: Int64) -> Int32 {
            if let known = index[id] { return known }
            let new = Int32(ids.count)
            index[id] = new
            ids.append(id)
            return new
        }
        try context.forEach(
            """
            SELECT source_id, destination_id, file, line FROM c_relationship
            WHERE stated = 0 AND active = 1 AND type_id = \(WellKnown.isA) AND source_id IS NOT NULL AND destination_id IS NOT NULL
            """
        ) { row in
            let source: Int64 = row[0]
            let destination: Int64 = row[1]
            hasParent.insert(source)
            edges.append(Edge(source: node(source), destination: node(destination), file: Int32(row[2] as Int), line: Int32(row[3] as Int)))
        }

        try reportCycles(ids: ids, edges: edges, context: &context)

        try context.forEach(
            """
            SELECT file, line, id FROM c_concept WHERE active = 1 AND id IS NOT \(WellKnown.root) ORDER BY file, line
            """
        ) { row in
            let id: Int64 = row[2]
            if !hasParent.contains(id) {
                context.report(
                    .error, .isaParent, file: row[0], line: row[1], column: "id", value: String(id),
                    "the active concept has no active inferred IS-A relationship (only the root \(WellKnown.root) may have none)")
            }
        }
    }

    /// One cycle to report: the concept ids along it (first = last), the edge that locates it, and the
    /// strongly connected component it was found in.
    private struct Cycle {
        let path: [Int64]
        let edge: Edge
        let size: Int
        let members: [Int64]
    }

    private func reportCycles(ids: [Int64], edges: [Edge], context: inout CheckContext) throws {
        let count = ids.count
        guard count > 0 else { return }
        let graph = Adjacency(nodeCount: count, edges: edges)
        var finder = CycleFinder(graph: graph)
        let components = finder.cyclicComponents()

        // Report each cycle from its smallest concept id, following IS-A edges back to it.
        var results: [Cycle] = []
        for component in components {
            if let cycle = shortestCycle(in: component, graph: graph, ids: ids, edges: edges) { results.append(cycle) }
        }
        results.sort { $0.path[0] < $1.path[0] }
        for result in results {
            let path = result.path.map(String.init).joined(separator: " → ")
            var message = "active inferred IS-A relationships form a cycle: \(path)"
            if result.size > result.path.count - 1 {
                let shown = result.members.prefix(20).map(String.init).joined(separator: ", ")
                message += " (the cycle is part of \(result.size) mutually reachable concepts: \(shown)\(result.size > 20 ? ", …" : ""))"
            }
            context.report(
                .error, .isaCycle, file: Int(result.edge.file), line: Int(result.edge.line), column: "destinationId", value: path, message)
        }
    }

    /// The shortest way round `component` from its smallest concept id back to it, found breadth-first
    /// inside the component; nil if there is none.
    private func shortestCycle(in component: [Int32], graph: Adjacency, ids: [Int64], edges: [Edge]) -> Cycle? {
        let members = Set(component)
        let start = component.min { ids[Int($0)] < ids[Int($1)] }!
        var previous: [Int32: (node: Int32, edge: Int32)] = [:]
        var queue: [Int32] = [start]
        var head = 0
        var closing: (node: Int32, edge: Int32)?
        search: while head < queue.count {
            let v = queue[head]
            head += 1
            for slot in graph.offsets[Int(v)]..<graph.offsets[Int(v) + 1] {
                let w = graph.targets[slot]
                guard members.contains(w) else { continue }
                if w == start {
                    closing = (v, graph.edgeOf[slot])
                    break search
                }
                if previous[w] == nil {
                    previous[w] = (v, graph.edgeOf[slot])
                    queue.append(w)
                }
            }
        }
        guard let closing else { return nil }
        var path: [Int32] = [start]
        var cursor = closing.node
        var trail: [Int32] = []
        while cursor != start {
            trail.append(cursor)
            cursor = previous[cursor]!.node
        }
        path += trail.reversed()
        path.append(start)
        // The first edge of the path, from `start`, locates the problem.
        let firstEdge: Int32 = path.count > 2 ? previous[path[1]]!.edge : closing.edge
        return Cycle(
            path: path.map { ids[Int($0)] }, edge: edges[Int(firstEdge)], size: component.count,
            members: component.map { ids[Int($0)] }.sorted())
    }

    /// Outgoing IS-A edges in compressed rows: `offsets[n]..<offsets[n+1]` index into `targets`/`edgeOf`.
    private struct Adjacency {
        var offsets: [Int]
        var targets: [Int32]
        var edgeOf: [Int32]

        init(nodeCount count: Int, edges: [Edge]) {
            offsets = [Int](repeating: 0, count: count + 1)
            for edge in edges { offsets[Int(edge.source) + 1] += 1 }
            for position in 0..<count { offsets[position + 1] += offsets[position] }
            var fill = offsets
            targets = [Int32](repeating: 0, count: edges.count)
            edgeOf = [Int32](repeating: 0, count: edges.count)
            for (number, edge) in edges.enumerated() {
                let slot = fill[Int(edge.source)]
                targets[slot] = edge.destination
                edgeOf[slot] = Int32(number)
                fill[Int(edge.source)] += 1
            }
        }
    }

    /// Iterative Tarjan, so that a deep hierarchy cannot overflow the call stack.
    private struct CycleFinder {
        let graph: Adjacency
        var order: [Int32]
        var low: [Int32]
        var onStack: [Bool]
        var stack: [Int32] = []
        var next: Int32 = 0
        var call: [(node: Int32, edge: Int)] = []
        var components: [[Int32]] = []

        init(graph: Adjacency) {
            self.graph = graph
            let count = graph.offsets.count - 1
            order = [Int32](repeating: -1, count: count)
            low = [Int32](repeating: 0, count: count)
            onStack = [Bool](repeating: false, count: count)
        }

        /// The strongly connected components that hold a cycle: more than one node, or a self-loop.
        mutating func cyclicComponents() -> [[Int32]] {
            for start in 0..<order.count where order[start] < 0 {
                discover(start)
                while let frame = call.last {
                    let v = Int(frame.node)
                    if frame.edge < graph.offsets[v + 1] {
                        call[call.count - 1].edge += 1
                        let w = Int(graph.targets[frame.edge])
                        if order[w] < 0 {
                            discover(w)
                        } else if onStack[w] {
                            low[v] = min(low[v], order[w])
                        }
                    } else {
                        finish(v)
                    }
                }
            }
            return components
        }

        /// Numbers `node`, puts it on the stack and starts walking its edges.
        private mutating func discover(_ node: Int) {
            order[node] = next
            low[node] = next
            next += 1
            stack.append(Int32(node))
            onStack[node] = true
            call.append((Int32(node), graph.offsets[node]))
        }

        /// Every edge of `v` is walked: hands its low link to its caller and, if it roots a component, pops it.
        private mutating func finish(_ v: Int) {
            call.removeLast()
            if let parent = call.last {
                low[Int(parent.node)] = min(low[Int(parent.node)], low[v])
            }
            guard low[v] == order[v] else { return }
            var component: [Int32] = []
            while let w = stack.popLast() {
                onStack[Int(w)] = false
                component.append(w)
                if Int(w) == v { break }
            }
            let selfLoop = component.count == 1 && graph.targets[graph.offsets[v]..<graph.offsets[v + 1]].contains(Int32(v))
            if component.count > 1 || selfLoop { components.append(component) }
        }
    }
}
