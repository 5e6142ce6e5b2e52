import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A running `steward serve`, its log collected to a file.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let log: URL

    init(data: URL, port: Int, extra: [String] = []) throws {
        self.port = port
        log = data.appendingPathComponent("serve-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = Steward.binary
        process.arguments = ["serve", "--data", data.path, "--port", String(port), "--samples", Steward.root.appendingPathComponent("Releases").path] + extra
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    func waitUntilReady() async throws {
        for _ in 0..<300 {
            if let (status, _) = try? await get("/ready"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("server did not become ready: \(logText)")
        throw CancellationError()
    }

    func request(_ method: String, _ path: String, body: String? = nil, token: String? = nil) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
    }

    func get(_ path: String) async throws -> (Int, [String: Any]) { try await request("GET", path) }

    func terminate() -> Int32 {
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// `steward serve` as a process: sample import on an empty data directory, answers, graceful SIGTERM with
/// requests in flight, and a restart that finds every acknowledged write.
@Suite(.serialized) struct ServeCommandTests {
    static func freePort() -> Int { 20000 + Int.random(in: 0..<20000) }

    @Test("an empty data directory gets the samples; SIGTERM with requests in flight stops cleanly; writes survive a restart")
    func lifecycle() async throws {
        let steward = try Steward()
        defer { steward.remove() }
        let secret = try steward.run(["token", "create", "--user", "ada", "--role", "author"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!secret.isEmpty)
        let port = Self.freePort()
        let server = try ServerProcess(data: steward.data, port: port)
        try await server.waitUntilReady()
        #expect(server.logText.contains("importing the bundled samples"))
        let (status, concept) = try await server.get("/api/v1/concepts/22298006?lang=nb&release=NO-20250215")
        #expect(status == 200)
        #expect(concept["preferredTerm"] as? String == "hjerteinfarkt")

        // Writes before and while SIGTERM arrives: whatever was acknowledged must be there after a restart.
        let body = #"{"summary": "Shutdown test", "useCase": "test", "payload": {"type": "other", "details": "x"}}"#
        func create() async -> Int? {
            guard let (status, object) = try? await server.request("POST", "/api/v1/requests", body: body, token: secret), status == 201 else {
                return nil
            }
            return (object["id"] as? String).flatMap { Int($0) }
        }
        var acknowledged: [Int] = []
        for _ in 0..<5 { if let id = await create() { acknowledged.append(id) } }
        #expect(acknowledged.count == 5)
        // The request log names the token's user, and "-" for anonymous reads.
        let lines = server.logText.split(separator: "\n")
        #expect(lines.contains { $0.contains("path=/api/v1/requests ") && $0.contains("status=201 user=ada (author)") })
        #expect(lines.contains { $0.contains("path=/api/v1/concepts/22298006 ") && $0.contains("status=200 user=-") })
        let pid = server.process.processIdentifier
        acknowledged += await withTaskGroup(of: Int?.self) { group -> [Int] in
            for index in 0..<30 {
                group.addTask {
                    if index == 15 {
                        try? await Task.sleep(for: .milliseconds(30))
                        kill(pid, SIGTERM)
                        return nil
                    }
                    return await create()
                }
            }
            var ids: [Int] = []
            for await id in group { if let id { ids.append(id) } }
            return ids
        }
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
        #expect(server.logText.contains("workspace closed"))
        #expect(!acknowledged.isEmpty)

        let restarted = try ServerProcess(data: steward.data, port: Self.freePort())
        try await restarted.waitUntilReady()
        #expect(!restarted.logText.contains("importing the bundled samples"))
        for id in acknowledged {
            let (status, request) = try await restarted.get("/api/v1/requests/\(id)")
            #expect(status == 200, "acknowledged request \(id) is missing after the restart")
            #expect((request["content"] as? [String: Any])?["summary"] as? String == "Shutdown test")
        }
        #expect(restarted.terminate() == 0)
        let check = try steward.run(["workspace", "check"])
        #expect(check.status == 0)
    }

    @Test("--empty skips the samples; bad configuration is refused before binding")
    func configuration() async throws {
        let steward = try Steward()
        defer { steward.remove() }
        let server = try ServerProcess(data: steward.data, port: Self.freePort(), extra: ["--empty"])
        for _ in 0..<300 {
            if let (status, _) = try? await server.get("/health"), status == 200 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let (status, ready) = try await server.get("/ready")
        #expect(status == 503)
        #expect(ready["problems"] as? [String] == ["no releases imported"])
        #expect(server.terminate() == 0)

        let badPort = try steward.run(["serve", "--port", "70000"])
        #expect(badPort.status != 0)
        #expect(badPort.stderr.contains("--port must be from 0 to 65535"))
        let badFlag = try steward.run(["serve", "--anonymous-read", "maybe"])
        #expect(badFlag.status != 0)
    }
}
