import ArgumentParser
import Foundation
import Workspace

/// The request fields as flags, for `create` (and `update` without `--json`).
struct RequestContentOptions: ParsableArguments {
    @Option(help: "A request document (JSON: summary, useCase, topic, references, ..., payload {type, ...}); replaces the flags below.")
    var json: String?

    @Option(help: "Request type: \(RequestType.allCases.map(\.rawValue).joined(separator: ", ")).")
    var type: String?
    @Option(help: "Summary (required, at most 255 characters; usually the proposed FSN).") var summary: String?
    @Option(help: "Topic.") var topic: String = ""
    @Option(name: .customLong("use-case"), help: "Proposed use case / justification (required).") var useCase: String?
    @Option(name: .customLong("reference"), help: "A verifiable reference (repeatable).") var references: [String] = []
    @Option(help: "Originating organisation.") var organisation: String = ""
    @Option(name: .customLong("local-code"), help: "Local code.") var localCode: String = ""
    @Option(name: .customLong("local-term"), help: "Local term.") var localTerm: String = ""
    @Option(help: "Namespace identifier (7 digits).") var namespace: String = ""
    @Option(help: "Notes.") var notes: String = ""

    @Option(help: "Concept (new-description, inactivate-concept).") var concept: String?
    @Option(help: "Description (change-description, inactivate-description).") var description: String?
    @Option(help: "Proposed FSN with semantic tag (new-concept).") var fsn: String?
    @Option(name: .customLong("preferred-term"), help: "Proposed preferred term (new-concept).") var preferredTerm: String?
    @Option(name: .customLong("synonym"), help: "Proposed synonym (new-concept; repeatable).") var synonyms: [String] = []
    @Option(name: .customLong("parent"), help: "Parent concept (new-concept; repeatable).") var parents: [String] = []
    @Option(help: "Proposed term (new-description, change-description).") var term: String?
    @Option(help: "Language of the new description: nb, nn or en.") var language: String = "en"
    @Option(name: .customLong("language-refset"), help: "Language refset (default: the language's usual one).") var languageRefset: String?
    @Option(help: "preferred or acceptable.") var acceptability: String = "acceptable"
    @Option(name: .customLong("case-significance"), help: "case-insensitive, case-sensitive or initial-character-case-insensitive.")
    var caseSignificance: String?
    @Option(help: "Inactivation reason, e.g. duplicate, outdated, ambiguous.") var reason: String?
    @Option(help: "Historical association, e.g. same-as, replaced-by.") var association: String?
    @Option(name: .customLong("target"), help: "Association target concept (repeatable).") var targets: [String] = []
    @Option(help: "Relationship source concept.") var source: String?
    @Option(name: .customLong("relationship-type"), help: "Relationship type (attribute) concept.") var relationshipType: String?
    @Option(help: "Relationship destination concept.") var destination: String?
    @Option(help: "Relationship group.") var group: Int?
    @Option(name: .customLong("new-type"), help: "New relationship type (change-relationship).") var newType: String?
    @Option(name: .customLong("new-destination"), help: "New destination (change-relationship).") var newDestination: String?
    @Option(name: .customLong("new-group"), help: "New group (change-relationship).") var newGroup: Int?
    @Option(help: "Refset (refset-change).") var refset: String?
    @Option(help: "add or remove (refset-change).") var action: String?
    @Option(name: .customLong("member"), help: "Concept to add or remove (refset-change; repeatable).") var members: [String] = []
    @Option(help: "What to change, in words (other).") var details: String?

    func content() throws -> RequestContent {
        if let json {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: json)) } catch {
                throw ValidationError("cannot read --json \(json): \(error.localizedDescription)")
            }
            do {
                return try JSONDecoder().decode(RequestContent.self, from: data)
            } catch let error as DecodingError {
                throw ValidationError("\(json): \(Self.describe(error))")
            }
        }
        guard let type else { throw ValidationError("give --type (\(RequestType.allCases.map(\.rawValue).joined(separator: ", "))) or --json FILE") }
        return RequestContent(
            summary: summary ?? "", topic: topic, useCase: useCase ?? "", references: references, organisation: organisation, localCode: localCode,
            localTerm: localTerm, namespace: namespace, notes: notes, payload: try payload(try RequestType(parsing: type)))
    }

    private func payload(_ type: RequestType) throws -> RequestPayload {
        switch type {
        case .newConcept:
            return .newConcept(
                .init(
                    fullySpecifiedName: try required(fsn, "--fsn"), preferredTerm: preferredTerm, synonyms: synonyms,
                    parents: try parents.map { try id($0, "--parent") }))
        case .newDescription:
            return .newDescription(
                .init(
                    conceptId: try id(try required(concept, "--concept"), "--concept"), term: try required(term, "--term"),
                    language: try value(language, "--language"), languageRefsetId: try languageRefset.map { try id($0, "--language-refset") },
                    acceptability: try value(acceptability, "--acceptability"),
                    caseSignificance: try caseSignificance.map { try value($0, "--case-significance") }))
        case .changeDescription:
            return .changeDescription(
                .init(
                    descriptionId: try id(try required(description, "--description"), "--description"), proposedTerm: term,
                    caseSignificance: try caseSignificance.map { try value($0, "--case-significance") }))
        case .inactivateDescription:
            return .inactivateDescription(
                .init(
                    descriptionId: try id(try required(description, "--description"), "--description"),
                    reason: try value(try required(reason, "--reason"), "--reason"),
                    association: try association.map { try value($0, "--association") }, targets: try targets.map { try id($0, "--target") }))
        case .inactivateConcept:
            return .inactivateConcept(
                .init(
                    conceptId: try id(try required(concept, "--concept"), "--concept"), reason: try value(try required(reason, "--reason"), "--reason"),
                    association: try association.map { try value($0, "--association") }, targets: try targets.map { try id($0, "--target") }))
        case .newRelationship:
            return .newRelationship(
                .init(
                    sourceId: try id(try required(source, "--source"), "--source"),
                    typeId: try id(try required(relationshipType, "--relationship-type"), "--relationship-type"),
                    destinationId: try id(try required(destination, "--destination"), "--destination"), group: group ?? 0))
        case .changeRelationship:
            return .changeRelationship(
                .init(
                    sourceId: try id(try required(source, "--source"), "--source"),
                    typeId: try id(try required(relationshipType, "--relationship-type"), "--relationship-type"),
                    destinationId: try id(try required(destination, "--destination"), "--destination"),
                    newTypeId: try newType.map { try id($0, "--new-type") }, newDestinationId: try newDestination.map { try id($0, "--new-destination") },
                    newGroup: newGroup))
        case .retireRelationship:
            return .retireRelationship(
                .init(
                    sourceId: try id(try required(source, "--source"), "--source"),
                    typeId: try id(try required(relationshipType, "--relationship-type"), "--relationship-type"),
                    destinationId: try id(try required(destination, "--destination"), "--destination")))
        case .refsetChange:
            return .refsetChange(
                .init(
                    refsetId: try id(try required(refset, "--refset"), "--refset"), action: try value(try required(action, "--action"), "--action"),
                    conceptIds: try members.map { try id($0, "--member") }))
        case .other:
            return .other(.init(details: try required(details, "--details")))
        }
    }

    private func required(_ value: String?, _ flag: String) throws -> String {
        guard let value else { throw ValidationError("this request type needs \(flag)") }
        return value
    }

    private func id(_ text: String, _ flag: String) throws -> ComponentID {
        guard let id = ComponentID(text) else { throw ValidationError("\(flag) '\(text)' is not a SNOMED CT id") }
        return id
    }

    private func value<T: RawRepresentable & CaseIterable>(_ text: String, _ flag: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text.lowercased()) else {
            throw ValidationError("\(flag) '\(text)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "document" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue) is required".replacingOccurrences(of: "document.", with: "")
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

struct RequestCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a draft change request, checked against the bound release; prints its id.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var releaseOption: ReleaseOption
    @OptionGroup var fields: RequestContentOptions

    @Flag(help: "Submit the request right away (draft → submitted).")
    var submit = false

    @Option(help: "Output format: text (the id) or json.")
    var format: Format = .text

    func run() throws {
        let user = try workspace.user()
        let content = try fields.content()
        let store = try workspace.boundRelease(releaseOption.release)
        let workspace = try workspace.openWorkspace()
        var request = try workspace.createRequest(content, release: store, by: user)
        if submit { request = try workspace.transitionRequest(request.id, to: .submitted, expectedVersion: request.version, by: user) }
        switch format {
        case .text: print(request.id)
        case .json: try Terminal.printJSON(request)
        }
    }
}

struct RequestUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Replace a request's content (requester or admin; draft or clarification-needed only).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var releaseOption: ReleaseOption
    @OptionGroup var fields: RequestContentOptions

    @Argument(help: "Request id.") var id: String
    @Option(help: "The version the edit is based on (default: the current one).") var version: Int?

    func run() throws {
        let id = try parseRequestId(id)
        let user = try workspace.user()
        let content = try fields.content()
        let store = try workspace.boundRelease(releaseOption.release)
        let workspace = try workspace.openWorkspace()
        let expected = try version ?? workspace.request(id).version
        let request = try workspace.updateRequest(id, content: content, expectedVersion: expected, release: store, by: user)
        print("request \(request.id) updated (version \(request.version))")
    }
}
