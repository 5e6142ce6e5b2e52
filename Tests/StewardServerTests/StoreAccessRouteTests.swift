import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import StewardServer
@testable import TerminologyStore

/// Every handler reads stores off the request threads: routes registered with `add` run on the
/// store-access executor, and a handler that bypasses it is caught by the debug check with a 500 that
/// names the problem (the tests run in debug, so a route that blocks fails its own tests).
@Suite struct StoreAccessRouteTests {
    /// The application's router with two extra routes reading the same concept: one registered the normal
    /// way, one directly on the router (as a route that forgot the rule would be).
    func router(_ server: TestServer) -> Router<StewardRequestContext> {
        let router = buildRouter(server.services)
        let releases = server.services.releases
        router.add(.get, "test/through-add", .read) { _, _ in
            let concept = try releases.release(nil).engines.store.concept(22_298_006)
            return try JSONResponse.make(["active": concept?.active == true])
        }
        router.on("test/direct", method: .get) { _, _ in
            let concept = try releases.release(nil).engines.store.concept(22_298_006)
            return try JSONResponse.make(["active": concept?.active == true])
        }
        return router
    }

    @Test func routesRegisteredWithAddReadStoresOffTheRequestThreads() async throws {
        let server = try TestServer()
        try await Application(router: router(server)).test(.router) { client in
            try await client.execute(uri: "/test/through-add", method: .get) {
                #expect($0.status == .ok)
                #expect($0.object["active"] as? Bool == true)
            }
        }
    }

    @Test func aBlockingReadOnARequestThreadIsCaught() async throws {
        let server = try TestServer()
        try await Application(router: router(server)).test(.router) { client in
            try await client.execute(uri: "/test/direct", method: .get) {
                #expect($0.status == .internalServerError)
                #expect(
                    $0.object["message"] as? String
                        == "blocking read of release NO-20250215 on a request thread: async code reads stores inside StoreAccess.run")
            }
            // The server keeps serving.
            try await client.execute(uri: "/api/v1/concepts/22298006", method: .get) { #expect($0.status == .ok) }
        }
    }
}
