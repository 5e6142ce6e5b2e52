import Foundation
import HTTPTypes
import TerminologyStore

/// Which release a FHIR call reads: the version URI (or edition URI, or release name) it names, else the
/// newest release. An unknown version is a 404 that names it and lists the versions this server has.
struct ReleaseSelection: Sendable {
    let registry: ReleaseRegistry

    /// - Parameters:
    ///   - version: a version URI, `system|version` canonical, edition URI or release name; nil for the newest.
    ///   - parameter: the parameter it came from, for the error message.
    func release(_ version: String?, parameter: String = "version") throws -> ReleaseHandle {
        do {
            return try registry.release(version)
        } catch let error as StoreError where error.code == .unknownRelease {
            let known = ((try? registry.all()) ?? []).map { "\($0.info.versionURI) (\($0.info.name))" }
            throw APIError.notFound(
                "unknown SNOMED CT version '\(version ?? "latest")' (\(parameter)): "
                    + (known.isEmpty ? "no releases are imported" : "this server has \(known.joined(separator: ", "))"))
        }
    }
}
