/// The three RF2 release types; a file's type decides how its rows combine into a snapshot view.
public enum ReleaseType: String, Sendable, Codable, CaseIterable {
    case full = "Full"
    case snapshot = "Snapshot"
    case delta = "Delta"
}
