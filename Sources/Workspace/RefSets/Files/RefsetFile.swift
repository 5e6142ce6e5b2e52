import Foundation
import RF2

/// A refset as a reviewable file in `RefSets/` (one JSON file per refset): metadata, the ECL definition or
/// member list, inclusions and exclusions. Terms ride along for reviewers and are ignored when read.
public struct RefsetFile: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        @IDString public var id: Int64
        public var term: String?

        public init(id: Int64, term: String?) {
            self.id = id
            self.term = term
        }
    }

    /// The refset concept id once the workspace allocated it; files without one are matched by name.
    @OptionalIDString public var id: Int64?
    public var name: String
    public var description: String
    public var owner: String
    @IDString public var module: Int64
    public var language: String
    public var kind: RefsetKind
    public var ecl: String?
    public var members: [Entry]?
    public var include: [Entry]?
    public var exclude: [Entry]?

    enum CodingKeys: String, CodingKey {
        case id, name, description, owner, module, language, kind, ecl, members, include, exclude
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _id = try container.decodeIfPresent(OptionalIDString.self, forKey: .id) ?? OptionalIDString(wrappedValue: nil)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        owner = try container.decodeIfPresent(String.self, forKey: .owner) ?? ""
        _module = try container.decode(IDString.self, forKey: .module)
        language = try container.decode(String.self, forKey: .language)
        kind = try container.decode(RefsetKind.self, forKey: .kind)
        ecl = try container.decodeIfPresent(String.self, forKey: .ecl)
        members = try container.decodeIfPresent([Entry].self, forKey: .members)
        include = try container.decodeIfPresent([Entry].self, forKey: .include)
        exclude = try container.decodeIfPresent([Entry].self, forKey: .exclude)
    }

    public init(refset: LocalRefset, entries: [RefsetEntry], terms: [Int64: String]) {
        id = refset.id
        name = refset.name
        description = refset.description
        owner = refset.owner
        module = refset.moduleId
        language = refset.language
        kind = refset.kind
        ecl = refset.ecl
        func list(_ role: RefsetEntryRole) -> [Entry] { entries.filter { $0.role == role }.map { Entry(id: $0.conceptId, term: terms[$0.conceptId]) } }
        members = refset.kind == .extensional ? list(.member) : nil
        include = refset.kind == .intensional ? list(.include) : nil
        exclude = refset.kind == .intensional ? list(.exclude) : nil
    }

    /// Reads one file; errors name the file and what is wrong.
    public static func read(_ url: URL) throws -> RefsetFile {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw WorkspaceError(.notFound, "cannot read \(url.path)") }
        return try decode(data, name: url.lastPathComponent)
    }

    /// Decodes and checks one file's content; `name` is what error messages call it.
    public static func decode(_ data: Data, name: String) throws -> RefsetFile {
        do {
            let file = try JSONDecoder().decode(RefsetFile.self, from: data)
            try file.checkShape(name: name)
            return file
        } catch let error as DecodingError {
            throw WorkspaceError(.invalid, "\(name): \(Self.describe(error))")
        }
    }

    /// Throws unless the fields fit the kind (members for extensional, ECL for intensional).
    func checkShape(name: String) throws {
        switch kind {
        case .extensional where ecl != nil || include != nil || exclude != nil:
            throw WorkspaceError(.invalid, "\(name): an extensional refset has \"members\", not \"ecl\", \"include\" or \"exclude\"")
        case .intensional where ecl == nil || members != nil:
            throw WorkspaceError(.invalid, "\(name): an intensional refset has \"ecl\" (with optional \"include\"/\"exclude\"), not \"members\"")
        default: return
        }
    }

    /// The file's text: pretty JSON with sorted keys and a final newline, so diffs stay small.
    public func text() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// A file name from the refset name: lower case, words joined by `-`.
    public var fileName: String {
        let slug = name.lowercased().folding(options: .diacriticInsensitive, locale: nil).split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
        return (slug.isEmpty ? "refset-\(id.map(String.init) ?? "new")" : slug) + ".json"
    }

    /// Entries by role as the file states them.
    var entries: [RefsetEntryRole: [Int64]] {
        [.member: (members ?? []).map(\.id), .include: (include ?? []).map(\.id), .exclude: (exclude ?? []).map(\.id)]
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\" at \(path(context).isEmpty ? "top level" : path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context).isEmpty ? "top level" : path(context))"
        @unknown default: return "\(error)"
        }
    }
}
