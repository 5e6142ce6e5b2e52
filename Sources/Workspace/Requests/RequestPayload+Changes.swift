import Foundation
import RF2

extension RequestPayload {
    /// A concept to add: FSN with semantic tag, preferred term, synonyms and parents.
    public struct NewConcept: Sendable, Hashable, Codable {
        public var fullySpecifiedName: String
        public var preferredTerm: String?
        public var synonyms: [String]
        public var parents: [ComponentID]
        public var definition: String?

        public init(fullySpecifiedName: String, preferredTerm: String? = nil, synonyms: [String] = [], parents: [ComponentID], definition: String? = nil) {
            self.fullySpecifiedName = fullySpecifiedName
            self.preferredTerm = preferredTerm
            self.synonyms = synonyms
            self.parents = parents
            self.definition = definition
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            fullySpecifiedName = try container.decode(String.self, forKey: .fullySpecifiedName)
            preferredTerm = try container.decodeIfPresent(String.self, forKey: .preferredTerm)
            synonyms = try container.decodeIfPresent([String].self, forKey: .synonyms) ?? []
            parents = try container.decodeIfPresent([ComponentID].self, forKey: .parents) ?? []
            definition = try container.decodeIfPresent(String.self, forKey: .definition)
        }

        /// The text inside the FSN's final parentheses, e.g. `disorder`.
        public var semanticTag: String? { Self.semanticTag(of: fullySpecifiedName) }

        static func semanticTag(of fsn: String) -> String? {
            let trimmed = fsn.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "("), open > trimmed.startIndex else { return nil }
            let tag = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmingCharacters(in: .whitespaces)
            let before = trimmed[..<open]
            guard !tag.isEmpty, before.last == " ", !before.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return tag
        }
    }

    /// A synonym or translation to add to an existing concept.
    public struct NewDescription: Sendable, Hashable, Codable {
        public var conceptId: ComponentID
        public var term: String
        public var language: Language
        /// The language refset; the language's usual one when nil (nb 61000202103, nn 91000202106, en US English).
        public var languageRefsetId: ComponentID?
        public var acceptability: AcceptabilityValue
        public var caseSignificance: CaseSignificance?

        public init(
            conceptId: ComponentID, term: String, language: Language, languageRefsetId: ComponentID? = nil, acceptability: AcceptabilityValue,
            caseSignificance: CaseSignificance? = nil
        ) {
            self.conceptId = conceptId
            self.term = term
            self.language = language
            self.languageRefsetId = languageRefsetId
            self.acceptability = acceptability
            self.caseSignificance = caseSignificance
        }

        public var effectiveLanguageRefsetId: ComponentID { languageRefsetId ?? ComponentID(language.defaultLanguageRefset) }
    }

    /// A new term or case significance for an existing description.
    public struct ChangeDescription: Sendable, Hashable, Codable {
        public var descriptionId: ComponentID
        public var proposedTerm: String?
        public var caseSignificance: CaseSignificance?

        public init(descriptionId: ComponentID, proposedTerm: String? = nil, caseSignificance: CaseSignificance? = nil) {
            self.descriptionId = descriptionId
            self.proposedTerm = proposedTerm
            self.caseSignificance = caseSignificance
        }
    }

    /// A description to inactivate, with the reason and (for some reasons) a REFERS TO target concept.
    public struct InactivateDescription: Sendable, Hashable, Codable {
        public var descriptionId: ComponentID
        public var reason: InactivationReason
        public var association: HistoricalAssociation?
        public var targets: [ComponentID]

        public init(descriptionId: ComponentID, reason: InactivationReason, association: HistoricalAssociation? = nil, targets: [ComponentID] = []) {
            self.descriptionId = descriptionId
            self.reason = reason
            self.association = association
            self.targets = targets
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            descriptionId = try container.decode(ComponentID.self, forKey: .descriptionId)
            reason = try container.decode(InactivationReason.self, forKey: .reason)
            association = try container.decodeIfPresent(HistoricalAssociation.self, forKey: .association)
            targets = try container.decodeIfPresent([ComponentID].self, forKey: .targets) ?? []
        }
    }

    /// A concept to inactivate, with the reason, the historical association and its target concepts.
    public struct InactivateConcept: Sendable, Hashable, Codable {
        public var conceptId: ComponentID
        public var reason: InactivationReason
        public var association: HistoricalAssociation?
        public var targets: [ComponentID]

        public init(conceptId: ComponentID, reason: InactivationReason, association: HistoricalAssociation? = nil, targets: [ComponentID] = []) {
            self.conceptId = conceptId
            self.reason = reason
            self.association = association
            self.targets = targets
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            conceptId = try container.decode(ComponentID.self, forKey: .conceptId)
            reason = try container.decode(InactivationReason.self, forKey: .reason)
            association = try container.decodeIfPresent(HistoricalAssociation.self, forKey: .association)
            targets = try container.decodeIfPresent([ComponentID].self, forKey: .targets) ?? []
        }
    }

    /// A defining relationship to add.
    public struct NewRelationship: Sendable, Hashable, Codable {
        public var sourceId: ComponentID
        public var typeId: ComponentID
        public var destinationId: ComponentID
        public var group: Int

        public init(sourceId: ComponentID, typeId: ComponentID, destinationId: ComponentID, group: Int = 0) {
            self.sourceId = sourceId
            self.typeId = typeId
            self.destinationId = destinationId
            self.group = group
        }
    }

    /// An existing relationship (source, type, destination) to change to a new type, destination or group.
    public struct ChangeRelationship: Sendable, Hashable, Codable {
        public var sourceId: ComponentID
        public var typeId: ComponentID
        public var destinationId: ComponentID
        public var newTypeId: ComponentID?
        public var newDestinationId: ComponentID?
        public var newGroup: Int?

        public init(
            sourceId: ComponentID, typeId: ComponentID, destinationId: ComponentID, newTypeId: ComponentID? = nil, newDestinationId: ComponentID? = nil,
            newGroup: Int? = nil
        ) {
            self.sourceId = sourceId
            self.typeId = typeId
            self.destinationId = destinationId
            self.newTypeId = newTypeId
            self.newDestinationId = newDestinationId
            self.newGroup = newGroup
        }
    }

    /// An existing relationship (source, type, destination) to retire.
    public struct RetireRelationship: Sendable, Hashable, Codable {
        public var sourceId: ComponentID
        public var typeId: ComponentID
        public var destinationId: ComponentID

        public init(sourceId: ComponentID, typeId: ComponentID, destinationId: ComponentID) {
            self.sourceId = sourceId
            self.typeId = typeId
            self.destinationId = destinationId
        }
    }

    /// Concepts to add to or remove from a (national or international) refset.
    public struct RefsetChange: Sendable, Hashable, Codable {
        public enum Action: String, Sendable, Codable, CaseIterable { case add, remove }

        public var refsetId: ComponentID
        public var action: Action
        public var conceptIds: [ComponentID]

        public init(refsetId: ComponentID, action: Action, conceptIds: [ComponentID]) {
            self.refsetId = refsetId
            self.action = action
            self.conceptIds = conceptIds
        }
    }

    /// Anything else (attributes, editorial policy, text definitions, clean-up), described in words.
    public struct Other: Sendable, Hashable, Codable {
        public var details: String

        public init(details: String) {
            self.details = details
        }
    }

    /// The language of a proposed description.
    public enum Language: String, Sendable, Codable, CaseIterable {
        case nb, nn, en

        /// The language refset a description in this language usually goes into.
        public var defaultLanguageRefset: Int64 {
            switch self {
            case .nb: WellKnown.norwegianBokmal
            case .nn: WellKnown.norwegianNynorsk
            case .en: WellKnown.usEnglish
            }
        }

        /// The RF2 `languageCode` of such descriptions (Norwegian ones are `no`).
        public var rf2LanguageCode: String { self == .en ? "en" : "no" }
    }

    public enum AcceptabilityValue: String, Sendable, Codable, CaseIterable {
        case preferred, acceptable

        public var conceptId: Int64 { self == .preferred ? WellKnown.preferred : WellKnown.acceptable }
    }

    public enum CaseSignificance: String, Sendable, Codable, CaseIterable {
        case caseInsensitive = "case-insensitive"
        case caseSensitive = "case-sensitive"
        case initialCharacterCaseInsensitive = "initial-character-case-insensitive"

        public var conceptId: Int64 {
            switch self {
            case .caseInsensitive: WellKnown.entireTermCaseInsensitive
            case .caseSensitive: WellKnown.entireTermCaseSensitive
            case .initialCharacterCaseInsensitive: WellKnown.initialCharacterCaseInsensitive
            }
        }
    }
}
