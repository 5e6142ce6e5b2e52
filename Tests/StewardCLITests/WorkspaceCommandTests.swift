import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct WorkspaceCommandTests {
    /// The user the CLI acts as by default: the same environment is passed to the child.
    static let localUser = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "steward"

    @Test func tokensAreCreatedListedAndRevoked() throws {
        let steward = try Steward()
        defer { steward.remove() }
        let created = try steward.run(["token", "create", "--user", "ada", "--role", "author", "--label", "laptop"])
        #expect(created.status == 0)
        let secret = created.stdout.trimmingCharacters(in: .newlines)
        #expect(created.stdout == secret + "\n")
        #expect(secret.hasPrefix("stw_"))
        #expect(secret.count == 47)
        #expect(created.stderr == "warning: token 1 for ada (author): the secret above is shown only this once; store it now\n")
        #expect(try steward.run(["token", "create", "--user", "svc-ehr", "--role", "viewer"]).status == 0)

        let list = try steward.run(["token", "list", "--format", "json"])
        #expect(list.status == 0)
        let tokens = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(tokens.map { $0["id"] as? String } == ["2", "1"])
        #expect(tokens.map { $0["user"] as? String } == ["svc-ehr", "ada"])
        #expect(tokens[1]["role"] as? String == "author")
        #expect(tokens[1]["label"] as? String == "laptop")
        #expect(tokens[1]["prefix"] as? String == String(secret.prefix(10)))
        #expect(tokens[1]["createdBy"] as? String == Self.localUser)
        #expect(tokens[1]["active"] as? Bool == true)
        #expect(!list.stdout.contains(secret))

        let revoked = try steward.run(["token", "revoke", "1"])
        #expect(revoked.status == 0)
        #expect(revoked.stderr == "revoked token 1 (\(secret.prefix(10))…) of ada (author)\n")
        let table = try steward.run(["token", "list"])
        #expect(table.stdout.hasPrefix("ID  USER     ROLE    PREFIX       CREATED"))
        #expect(table.stdout.split(separator: "\n").last?.contains("revoked 20") == true)

        let again = try steward.run(["token", "revoke", "1"])
        #expect(again.status != 0)
        #expect(again.stderr == "Error: token 1 is already revoked\n")
        let unknown = try steward.run(["token", "revoke", "99"])
        #expect(unknown.stderr == "Error: no token 99 in the workspace\n")
        let badRole = try steward.run(["token", "create", "--user", "x", "--role", "boss"])
        #expect(badRole.status != 0)
        #expect(badRole.stderr == "Error: unknown role 'boss': expected one of viewer, author, reviewer, admin\n")
        let author = try steward.run(["token", "list", "--as", "ada:author"])
        #expect(author.status != 0)
        #expect(author.stderr == "Error: ada (author) may not list tokens: that needs the admin role or higher\n")
        let badAs = try steward.run(["token", "list", "--as", "ada"])
        #expect(badAs.status != 0)
        #expect(badAs.stderr.contains("--as ada: expected NAME:ROLE, e.g. ada:author"))
    }

    @Test func backupAndRestore() throws {
        let steward = try Steward()
        defer { steward.remove() }
        let nothing = try steward.run(["backup", steward.data.appendingPathComponent("none.sqlite").path])
        #expect(nothing.status != 0)
        #expect(nothing.stderr == "Error: no workspace in \(steward.data.path): nothing to back up\n")

        #expect(try steward.run(["token", "create", "--user", "kept", "--role", "viewer"]).status == 0)
        let backup = steward.data.appendingPathComponent("backups/first.sqlite")
        let backedUp = try steward.run(["backup", backup.path])
        #expect(backedUp.status == 0)
        #expect(backedUp.stdout == "")
        #expect(backedUp.stderr.hasPrefix("backed up \(steward.data.path)/workspace.sqlite to \(backup.path) ("))
        let twice = try steward.run(["backup", backup.path])
        #expect(twice.status != 0)
        #expect(twice.stderr == "Error: backup target \(backup.path) already exists: choose a new file name\n")
        #expect(try steward.run(["token", "create", "--user", "lost", "--role", "viewer"]).status == 0)

        let refused = try steward.run(["restore", backup.path])
        #expect(refused.status != 0)
        #expect(
            refused.stderr
                == "Error: \(steward.data.path)/workspace.sqlite exists: restoring replaces it with the backup (the current file is kept aside); add --force to go ahead\n"
        )

        let garbage = steward.data.appendingPathComponent("garbage.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: garbage)
        let bad = try steward.run(["restore", garbage.path, "--force"])
        #expect(bad.status != 0)
        #expect(bad.stderr == "Error: cannot restore from \(garbage.path): file is not a database\n")
        #expect(try Self.tokenUsers(steward) == ["lost", "kept"])

        let restored = try steward.run(["restore", backup.path, "--force"])
        #expect(restored.status == 0)
        let lines = restored.stderr.split(separator: "\n")
        #expect(lines.first == "restored \(steward.data.path)/workspace.sqlite from \(backup.path)")
        let keptLine = try #require(lines.last)
        #expect(keptLine.hasPrefix("the previous workspace was kept as \(steward.data.path)/workspace.sqlite.before-restore-"))
        #expect(try Self.tokenUsers(steward) == ["kept"])
        let audit = try steward.run(["audit", "--entity", "workspace", "--format", "json"])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])["events"] as? [[String: Any]]
        #expect(events?.map { $0["action"] as? String } == ["restore"])
        #expect((events?.first?["note"] as? String)?.hasPrefix("restored from \(backup.path); the previous workspace was kept as ") == true)

        // Into an empty data directory no --force is needed.
        let fresh = try Steward()
        defer { fresh.remove() }
        let first = try fresh.run(["restore", backup.path])
        #expect(first.status == 0)
        #expect(first.stderr == "restored \(fresh.data.path)/workspace.sqlite from \(backup.path)\n")
        #expect(try Self.tokenUsers(fresh) == ["kept"])
        #expect(try fresh.run(["workspace", "check"]).stdout == "ok\n")
    }

    @Test func auditListsFiltersAndPages() throws {
        let steward = try Steward()
        defer { steward.remove() }
        #expect(try steward.run(["token", "create", "--user", "ada", "--role", "author"]).status == 0)
        #expect(try steward.run(["token", "create", "--user", "bo", "--role", "viewer", "--as", "rita:admin"]).status == 0)
        #expect(try steward.run(["token", "revoke", "1"]).status == 0)
        #expect(try steward.run(["workspace", "config", "--language", "nb"]).status == 0)

        let all = try Self.audit(steward, [])
        #expect(all.total == 4)
        #expect(all.events.map { $0["id"] as? String } == ["4", "3", "2", "1"])
        #expect(all.events.map { $0["action"] as? String } == ["update", "revoke", "create", "create"])
        #expect(all.events.map { $0["entity"] as? String } == ["settings", "token", "token", "token"])
        #expect(all.events.map { $0["actor"] as? String } == [Self.localUser, Self.localUser, "rita", Self.localUser])
        // Snapshots are JSON values, not text.
        let revoke = all.events[1]
        #expect((revoke["before"] as? [String: Any])?["revokedAt"] == nil)
        #expect((revoke["after"] as? [String: Any])?["revokedAt"] is String)
        #expect(all.events[3]["before"] == nil)
        #expect((all.events[0]["after"] as? [String: Any])?["language"] as? String == "nb")

        #expect(try Self.audit(steward, ["--entity", "token", "--id", "1"]).events.map { $0["action"] as? String } == ["revoke", "create"])
        #expect(try Self.audit(steward, ["--actor", "rita"]).events.map { $0["id"] as? String } == ["2"])
        #expect(try Self.audit(steward, ["--since", "2000-01-01"]).total == 4)
        #expect(try Self.audit(steward, ["--since", "2999-01-01T00:00:00Z"]).total == 0)
        let page = try Self.audit(steward, ["--limit", "2", "--offset", "1"])
        #expect(page.total == 4)
        #expect(page.events.map { $0["id"] as? String } == ["3", "2"])

        let table = try steward.run(["audit", "--limit", "1"])
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("ID  TIME"))
        #expect(table.stdout.split(separator: "\n").count == 2)
        #expect(table.stderr == "events 1–1 of 4; --offset 1 for more\n")
        let badSince = try steward.run(["audit", "--since", "yesterday"])
        #expect(badSince.status != 0)
        #expect(badSince.stderr.contains("--since yesterday: expected YYYY-MM-DD or an ISO 8601 time"))
        let badLimit = try steward.run(["audit", "--limit", "0"])
        #expect(badLimit.status != 0)
    }

    @Test func workspaceConfigShowsAndUpdatesTheSettings() throws {
        let steward = try Steward()
        defer { steward.remove() }
        let shown = try steward.run(["workspace", "config"])
        #expect(shown.status == 0)
        #expect(shown.stdout == "namespace (not set)\ncountry   (not set)\nmodule    (not set)\nlanguage  en\nversion   1\n")

        let updated = try steward.run([
            "workspace", "config", "--namespace", "1000202", "--country", "no", "--module", "51000202101", "--language", "nb", "--format", "json",
        ])
        #expect(updated.status == 0)
        #expect(updated.stderr == "updated the workspace settings to version 2\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(updated.stdout.utf8)) as? [String: Any])
        #expect(json["namespace"] as? String == "1000202")
        #expect(json["countryCode"] as? String == "NO")
        #expect(json["moduleId"] as? String == "51000202101")
        #expect(json["language"] as? String == "nb")
        #expect(json["version"] as? Int == 2)
        #expect(json["updatedBy"] as? String == Self.localUser)

        let badModule = try steward.run(["workspace", "config", "--module", "51000202102"])
        #expect(badModule.status != 0)
        #expect(badModule.stderr == "Error: module id 51000202102 is not a valid concept SCTID (length, partition or check digit is wrong)\n")
        let stale = try steward.run(["workspace", "config", "--language", "nn", "--if-version", "1"])
        #expect(stale.status != 0)
        #expect(
            stale.stderr
                == "Error: the workspace settings was changed by someone else: your edit is based on version 1, the current version is 2; reload and try again\n"
        )
        let author = try steward.run(["workspace", "config", "--language", "nn", "--as", "ada:author"])
        #expect(author.status != 0)
        #expect(author.stderr == "Error: ada (author) may not update the workspace settings: that needs the admin role or higher\n")
        let text = try steward.run(["workspace", "config", "--as", "ada:author"])
        #expect(text.stdout.hasPrefix("namespace 1000202\ncountry   NO\nmodule    51000202101\nlanguage  nb\nversion   2\nupdated   "))
    }

    /// A writer killed with SIGKILL in the middle of a stream of writes leaves a sound workspace holding every
    /// write it acknowledged (and at most the one it committed but had not yet acknowledged).
    @Test(arguments: [200, 263, 331])
    func killedWriterLosesNoAcknowledgedWrite(acknowledgements: Int) throws {
        let steward = try Steward()
        defer { steward.remove() }
        let process = Process()
        process.executableURL = Steward.binary
        process.arguments = ["workspace", "write-stream", "--count", "1000000", "--data", steward.data.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var received = Data()
        while received.count(where: { $0 == UInt8(ascii: "\n") }) < acknowledgements {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)
        received.append(out.fileHandleForReading.readDataToEndOfFile())
        // Only complete lines are acknowledgements.
        let text = String(decoding: received, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let acknowledged = lines.compactMap { Int64($0) }
        #expect(acknowledged.count == lines.count, "every acknowledgement is an id")
        #expect(acknowledged.count >= acknowledgements)
        // Tokens are created one by one into a fresh workspace: ids 1, 2, 3 ...
        #expect(acknowledged.enumerated().first { Int64($0.offset + 1) != $0.element } == nil)

        let check = try steward.run(["workspace", "check"])
        #expect(check.status == 0)
        #expect(check.stdout == "ok\n")
        let list = try steward.run(["token", "list", "--format", "json"])
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]).compactMap {
            ($0["id"] as? String).flatMap { Int64($0) }
        }
        let lost = Set(acknowledged).subtracting(ids)
        #expect(lost.isEmpty, "acknowledged but missing: \(lost.sorted().prefix(10))")
        // At most the one write that committed but was not yet acknowledged when the kill came.
        #expect(ids.count == acknowledged.count || ids.count == acknowledged.count + 1, "\(ids.count) tokens, \(acknowledged.count) acknowledged")
        // Every write that is there has its audit event, and no event is there without its write.
        #expect(try Self.audit(steward, ["--entity", "token", "--limit", "1"]).total == ids.count)
    }

    private static func tokenUsers(_ steward: Steward) throws -> [String] {
        let list = try steward.run(["token", "list", "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]).compactMap { $0["user"] as? String }
    }

    private static func audit(_ steward: Steward, _ arguments: [String]) throws -> (total: Int, events: [[String: Any]]) {
        let result = try steward.run(["audit", "--format", "json"] + arguments)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (object["total"] as? Int ?? -1, object["events"] as? [[String: Any]] ?? [])
    }
}
