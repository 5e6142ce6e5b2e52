import Hummingbird

/// A bare Hummingbird application with one route answering "ok": what the framework reaches on this
/// machine, so the server benchmark's figures can be read as a fraction of that ceiling.
public func buildBaselineApplication(host: String, port: Int) -> some ApplicationProtocol {
    let router = Router()
    router.get("/") { _, _ in "ok" }
    return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "baseline"))
}
