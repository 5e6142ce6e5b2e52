import Foundation
import RF2

/// Reads concept ids for a refset from a file people or other tools produced: an RF2 simple refset file
/// (Snapshot/Full/Delta; the latest active rows count), or CSV/TSV whose concept id column is named
/// `conceptId`, `referencedComponentId`, `code` or `id` (else the first column). Errors name the line.
public enum RefsetMemberFile {
    public static func conceptIds(in url: URL, refsetId: Int64? = nil) throws -> [Int64] {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw WorkspaceError(.notFound, "cannot read \(url.path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw WorkspaceError(.invalid, "\(url.path) is not UTF-8 text") }
        return try conceptIds(text: text, name: url.lastPathComponent, refsetId: refsetId)
    }

    /// The same for content that did not come from a file (an upload); `name` is what error messages call it.
    public static func conceptIds(text: String, name: String, refsetId: Int64? = nil) throws -> [Int64] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard let header = lines.first, !header.isEmpty else { throw WorkspaceError(.invalid, "\(name) is empty") }
        let separator: Character = header.contains("\t") ? "\t" : ","
        let columns = fields(of: header, separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }
        if columns.starts(with: ["id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId"]) {
            return try rf2(lines.dropFirst(), name: name, refsetId: refsetId)
        }
        let known = ["conceptId", "referencedComponentId", "code", "id"]
        let hasHeader = Int64(columns.first ?? "") == nil
        let index = hasHeader ? known.lazy.compactMap { columns.firstIndex(of: $0) }.first ?? 0 : 0
        var ids: [Int64] = []
        for (offset, line) in lines.enumerated().dropFirst(hasHeader ? 1 : 0) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let cells = fields(of: line, separator: separator)
            let raw = index < cells.count ? cells[index].trimmingCharacters(in: .whitespaces) : ""
            guard let id = Int64(raw), SCTID.isValid(id) else {
                throw WorkspaceError(.invalid, "\(name) line \(offset + 1): '\(raw)' is not a valid SCTID")
            }
            ids.append(id)
        }
        return ids
    }

    /// The fields of one line; CSV fields may be quoted (RFC 4180: `""` is a quote inside a quoted field).
    static func fields(of line: String, separator: Character) -> [String] {
        guard separator == "," else { return line.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            current.append("\"")
                        } else {
                            quoted = false
                            if next == separator { fields.append(current); current = "" } else { current.append(next) }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" && current.isEmpty {
                quoted = true
            } else if character == separator {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    private static func rf2(_ lines: ArraySlice<String>, name: String, refsetId: Int64?) throws -> [Int64] {
        var latest: [String: (time: Int, active: Bool, refset: Int64, concept: Int64)] = [:]
        var refsets = Set<Int64>()
        for (offset, line) in zip(lines.indices, lines) where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 6, let time = Int(fields[1]), let refset = Int64(fields[4]), let concept = Int64(fields[5]),
                fields[2] == "0" || fields[2] == "1"
            else {
                throw WorkspaceError(.invalid, "\(name) line \(offset + 1): not a simple refset row")
            }
            refsets.insert(refset)
            let key = String(fields[0])
            if let known = latest[key], known.time > time { continue }
            latest[key] = (time, fields[2] == "1", refset, concept)
        }
        let chosen: Int64
        if let refsetId {
            chosen = refsetId
        } else {
            guard refsets.count <= 1 else {
                throw WorkspaceError(
                    .invalid, "\(name) holds \(refsets.count) refsets (\(refsets.sorted().map(String.init).joined(separator: ", "))): name the one to import")
            }
            chosen = refsets.first ?? 0
        }
        return Set(latest.values.filter { $0.active && $0.refset == chosen }.map(\.concept)).sorted()
    }
}
