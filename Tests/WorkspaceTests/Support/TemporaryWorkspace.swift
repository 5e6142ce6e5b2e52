import Foundation
@testable import Workspace

/// A fresh workspace in its own temporary directory.
struct TemporaryWorkspace {
    let directory: URL
    let workspace: Workspace

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("workspace-tests-\(UUID().uuidString)")
        workspace = try Workspace(dataDirectory: directory)
    }

    static let admin = WorkspaceUser(name: "admin", role: .admin)
    static let author = WorkspaceUser(name: "ada", role: .author)
    static let reviewer = WorkspaceUser(name: "rita", role: .reviewer)
    static let viewer = WorkspaceUser(name: "vera", role: .viewer)
}
