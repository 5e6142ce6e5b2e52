import Foundation
import Hummingbird
import RF2
import TerminologyStore
import StewardViews

/// `/api/v1/concepts/{id}...`: one concept and its neighbourhood in a release (`?release=`, newest by
/// default), display terms in the requested language.
struct ConceptRoutes: Sendable {
    let services: ServerServices

    func register(on api: RouterGroup<StewardRequestContext>) {
        registerConcept(on: api)
        registerHierarchy(on: api)
        registerHistory(on: api)
    }

    /// A concept, its descriptions, attributes and refset memberships.
    private func registerConcept(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "concepts/{id}", .read) { request, context in
            try answer(request, context) { engines, id, language, conditional in
                conditional.json(ConceptView(try detail(engines.store, id, language)))
            }
        }
        api.add(.get, "concepts/{id}/descriptions", .read) { request, context in
            try answer(request, context) { engines, id, _, conditional in
                try requireConcept(engines.store, id)
                let includeInactive = try request.queryBool("includeInactive", default: true)
                return try conditional.json(
                    ItemList(try engines.store.descriptions(of: id, includeInactive: includeInactive).map(ConceptView.DescriptionView.init)))
            }
        }
        api.add(.get, "concepts/{id}/attributes", .read) { request, context in
            try answer(request, context) { engines, id, language, conditional in
                try conditional.json(ItemList(try detail(engines.store, id, language).groups.map(ConceptView.GroupView.init)))
            }
        }
        api.add(.get, "concepts/{id}/refsets", .read) { request, context in
            try answer(request, context) { engines, id, language, conditional in
                try conditional.json(ItemList(try detail(engines.store, id, language).memberships.map(ConceptView.MembershipView.init)))
            }
        }
    }

    /// Parents and children, and the paged ancestors and descendants.
    private func registerHierarchy(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "concepts/{id}/parents", .read) { request, context in
            try answer(request, context) { engines, id, language, conditional in
                try requireConcept(engines.store, id)
                return try conditional.json(ItemList(try named(engines.store, try engines.store.parents(of: id), language)))
            }
        }
        api.add(.get, "concepts/{id}/children", .read) { request, context in
            try answer(request, context) { engines, id, language, conditional in
                try requireConcept(engines.store, id)
                return try conditional.json(ItemList(try named(engines.store, try engines.store.children(of: id), language)))
            }
        }
        api.add(.get, "concepts/{id}/ancestors", .read) { request, context in
            let paging = try Paging(request, defaultLimit: 100)
            return try answer(request, context) { engines, id, language, conditional in
                try requireConcept(engines.store, id)
                let all = try engines.store.ancestors(of: id)
                let page = Array(all.dropFirst(paging.offset).prefix(paging.limit))
                return try conditional.json(Page(total: all.count, offset: paging.offset, limit: paging.limit, items: try named(engines.store, page, language)))
            }
        }
        api.add(.get, "concepts/{id}/descendants", .read) { request, context in
            let paging = try Paging(request, defaultLimit: 100)
            return try answer(request, context) { engines, id, language, conditional in
                try requireConcept(engines.store, id)
                let ids = try engines.store.descendants(of: id, limit: paging.limit, offset: paging.offset)
                let total = try engines.store.descendantCount(of: id)
                return try conditional.json(Page(total: total, offset: paging.offset, limit: paging.limit, items: try named(engines.store, ids, language)))
            }
        }
    }

    /// The concept in every served release, with its inactivation and replacements in the requested one.
    private func registerHistory(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "concepts/{id}/history", .read) { request, context in
            // Spans every imported release, so it changes when a release is imported: no release ETag.
            let id = try Identifier.concept(context.parameters.get("id"), parameter: "id")
            let language = try request.languagePreference()
            let release = try services.releases.release(request.query("release"))
            var appearances: [ConceptHistoryView.Appearance] = []
            for handle in try services.releases.all() {
                let concept = try handle.engines.store.concept(id)
                appearances.append(
                    ConceptHistoryView.Appearance(
                        release: handle.info.name, versionURI: handle.info.versionURI, present: concept != nil, active: concept?.active,
                        effectiveTime: concept.map { String($0.effectiveTime) }, moduleId: concept.map { String($0.moduleId) },
                        definitionStatus: concept.map { $0.isFullyDefined ? "fullyDefined" : "primitive" }))
            }
            let detail = try detail(release.engines.store, id, language)
            return try JSONResponse.make(
                ConceptHistoryView(
                    id: String(id), release: release.info.name, releases: appearances,
                    inactivationReason: detail.inactivationReason.map(ConceptView.Named.init),
                    historicalAssociations: detail.associations.map { ConceptView.AssociationView(refset: .init($0.refset), target: .init($0.target)) }))
        }
    }

    /// Resolves release, id and language, answers 304 when the client's copy is current, else runs `body`.
    private func answer(
        _ request: Request, _ context: StewardRequestContext,
        _ body: (ReleaseHandle.Engines, Int64, LanguagePreference, ConditionalGet) throws -> Response
    ) throws -> Response {
        let id = try Identifier.concept(context.parameters.get("id"), parameter: "id")
        let language = try request.languagePreference()
        let release = try services.releases.release(request.query("release"))
        let conditional = ConditionalGet(release: release, request: request)
        if let notModified = conditional.notModified { return notModified }
        return try body(release.engines, id, language, conditional)
    }

    private func detail(_ store: ReleaseStore, _ id: Int64, _ language: LanguagePreference) throws -> ConceptDetail {
        guard let detail = try store.conceptDetail(id, preference: language) else {
            throw APIError.notFound("concept \(id) is not in release \(store.info.name)")
        }
        return detail
    }

    private func requireConcept(_ store: ReleaseStore, _ id: Int64) throws {
        guard try store.concept(id) != nil else {
            throw APIError.notFound("concept \(id) is not in release \(store.info.name)")
        }
    }
}

/// Concepts with their preferred terms, in the given order.
func named(_ store: ReleaseStore, _ ids: [Int64], _ language: LanguagePreference) throws -> [ConceptView.Named] {
    let terms = try store.preferredTerms(for: ids, preference: language)
    return ids.map { ConceptView.Named(id: $0, term: terms[$0] ?? "") }
}
