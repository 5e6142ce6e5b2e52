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

    private func reportCycles(ids: [Int64], edges: [Edge], context: inout CheckContext) throws {
        let count = ids.count
        guard count > 0 else { return }
        // Adjacency in compressed rows: offsets[n]..<offsets[n+1] index into `targets`/`edgeOf`.
        var offsets = [Int](repeating: 0, count: count + 1)
        for edge in edges { offsets[Int(edge.source) + 1] += 1 }
        for position in 0..<count { offsets[position + 1] += offsets[position] }
        var fill = offsets
        var targets = [Int32](repeating: 0, count: edges.count)
        var edgeOf = [Int32](repeating: 0, count: edges.count)
        for (number, edge) in edges.enumerated() {
            let slot = fill[Int(edge.source)]
            targets[slot] = edge.destination
            edgeOf[slot] = Int32(number)
            fill[Int(edge.source)] += 1
        }

        // Iterative Tarjan.
        var order = [Int32](repeating: -1, count: count)
        var low = [Int32](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int32] = []
        var next: Int32 = 0
        var components: [[Int32]] = []
        var call: [(node: Int32, edge: Int)] = []
        for start in 0..<count where order[start] < 0 {
            call.append((Int32(start), offsets[start]))
            order[start] = next
            low[start] = next
            next += 1
            stack.append(Int32(start))
            onStack[start] = true
            while let frame = call.last {
                let v = Int(frame.node)
                if frame.edge < offsets[v + 1] {
                    call[call.count - 1].edge += 1
                    let w = Int(targets[frame.edge])
                    if order[w] < 0 {
                        order[w] = next
                        low[w] = next
                        next += 1
                        stack.append(Int32(w))
                        onStack[w] = true
                        call.append((Int32(w), offsets[w]))
                    } else if onStack[w] {
                        low[v] = min(low[v], order[w])
                    }
                } else {
                    call.removeLast()
                    if let parent = call.last {
                        low[Int(parent.node)] = min(low[Int(parent.node)], low[v])
                    }
                    if low[v] == order[v] {
                        var component: [Int32] = []
                        while let w = stack.popLast() {
                            onStack[Int(w)] = false
                            component.append(w)
                            if Int(w) == v { break }
                        }
                        let selfLoop = component.count == 1 && targets[offsets[v]..<offsets[v + 1]].contains(Int32(v))
                        if component.count > 1 || selfLoop { components.append(component) }
                    }
                }
            }
        }

        // Report each cycle from its smallest concept id, following IS-A edges back to it.
        var results: [(path: [Int64], edge: Edge, size: Int, members: [Int64])] = []
        for component in components {
            let members = Set(component)
            let start = component.min { ids[Int($0)] < ids[Int($1)] }!
            // Breadth-first search inside the component for the shortest way back to `start`.
            var previous: [Int32: (node: Int32, edge: Int32)] = [:]
            var queue: [Int32] = [start]
            var head = 0
            var closing: (node: Int32, edge: Int32)?
            search: while head < queue.count {
                let v = queue[head]
                head += 1
                for slot in offsets[Int(v)]..<offsets[Int(v) + 1] {
                    let w = targets[slot]
                    guard members.contains(w) else { continue }
                    if w == start {
                        closing = (v, edgeOf[slot])
                        break search
                    }
                    if previous[w] == nil {
                        previous[w] = (v, edgeOf[slot])
                        queue.append(w)
                    }
                }
            }
            guard let closing else { continue }
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
            results.append((path.map { ids[Int($0)] }, edges[Int(firstEdge)], component.count, component.map { ids[Int($0)] }.sorted()))
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
}
