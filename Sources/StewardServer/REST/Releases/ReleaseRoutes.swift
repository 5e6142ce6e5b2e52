import Foundation
import Hummingbird
import TerminologyStore
import StewardViews

/// `/api/v1/releases`: the imported releases.
struct ReleaseRoutes: Sendable {
    let services: ServerServices

    func register(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "releases", .read) { request, _ in
            try JSONResponse.make(ItemList(try services.releases.all().reversed().map { ReleaseView($0.info) }))
        }
        api.add(.get, "releases/{release}", .read) { request, context in
            let release = try services.releases.release(context.parameters.require("release"))
            let conditional = ConditionalGet(release: release, request: request)
            return try conditional.notModified ?? conditional.json(ReleaseView(release.info))
        }
    }
}
