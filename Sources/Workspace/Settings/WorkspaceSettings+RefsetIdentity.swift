extension WorkspaceSettings {
    /// The namespace and module a new refset gets: the ones given, else the workspace's defaults. When
    /// either is missing the one error names every missing part, so a fresh workspace needs one fix, not two.
    public func refsetIdentity(namespace: Int?, moduleId: Int64?) throws -> (namespace: Int, moduleId: Int64) {
        let namespace = namespace ?? self.namespace
        let moduleId = moduleId ?? self.moduleId
        if let namespace, let moduleId { return (namespace, moduleId) }
        var missing: [String] = []
        if namespace == nil { missing.append("a namespace (for its concept id)") }
        if moduleId == nil { missing.append("a module (for its rows)") }
        throw WorkspaceError(
            .invalid,
            "a new refset needs \(missing.joined(separator: " and ")): give them with the refset, or set the workspace's defaults "
                + "('steward workspace config --namespace N --module ID' or PUT /api/v1/workspace/settings)")
    }
}
