import Foundation
import Hummingbird
import TerminologyStore
import StewardViews

/// `/fhir/...`: FHIR R4 terminology services over the imported SNOMED CT releases.
///
/// - `GET metadata` (CapabilityStatement; `?mode=terminology` → TerminologyCapabilities)
/// - `GET CodeSystem` (search by `url`, `version`), `GET CodeSystem/{id}` (ids `sct-<release name>`)
/// - `CodeSystem/$lookup`, `$validate-code`, `$subsumes`; `ValueSet/$expand`, `$validate-code`;
///   `ConceptMap/$translate`: each by GET (query parameters) and POST (a Parameters body)
///
/// Errors are OperationOutcomes (the error middleware renders every error under `/fhir` as one).
struct FHIRRoutes: Sendable {
    let services: ServerServices

    func register(on router: Router<StewardRequestContext>) {
        let fhir = router.group("fhir")
        registerCodeSystems(on: fhir)
        registerConceptMaps(on: fhir)
        registerValueSets(on: fhir)
        registerOperations(on: fhir)
    }

    /// The capability statements and the CodeSystem resources of the served releases.
    private func registerCodeSystems(on fhir: RouterGroup<StewardRequestContext>) {
        fhir.add(.get, "metadata", .open) { request, _ in
            switch request.query("mode") {
            case nil, "full", "normative":
                return try Self.respond(CapabilityStatement())
            case "terminology":
                return try Self.respond(TerminologyCapabilities(releases: try services.releases.all()))
            case let mode?:
                throw APIError.badRequest("parameter 'mode' must be full, normative or terminology, got '\(mode)'")
            }
        }
        fhir.add(.get, "CodeSystem", .read) { request, _ in
            let url = request.query("url")
            var releases = try services.releases.all()
            if let url, url != SNOMED.system { releases = [] }
            if let version = request.query("version") {
                let reference = ReleaseReference(version)
                releases = releases.filter { reference.matches($0.info) }
            }
            return try Self.respond(SearchBundle(try releases.reversed().map(CodeSystemResource.init)))
        }
        fhir.add(.get, "CodeSystem/{id}", .read) { _, context in
            let id = context.parameters.get("id") ?? ""
            let releases = try services.releases.all()
            guard let release = releases.first(where: { CodeSystemResource.id(for: $0.info) == id }) else {
                let known = releases.map { CodeSystemResource.id(for: $0.info) }.joined(separator: ", ")
                throw APIError.notFound(
                    "CodeSystem '\(id)' not found: ids are sct-<release name>" + (known.isEmpty ? "" : " (this server has \(known))"))
            }
            return try Self.respond(try CodeSystemResource(release))
        }
    }

    /// The implicit and map-refset concept maps of each release, searched and read.
    private func registerConceptMaps(on fhir: RouterGroup<StewardRequestContext>) {
        fhir.add(.get, "ConceptMap", .read) { request, _ in
            let releases = try services.releases.all()
            let resources = try ConceptMapResource.search(
                releases: releases, url: request.query("url"), version: request.query("version"), name: request.query("name"),
                title: request.query("title"), status: request.query("status"),
                targetSystem: request.query("target-system") ?? request.query("targetsystem"))
            return try Self.respond(SearchBundle(resources))
        }
        fhir.add(.get, "ConceptMap/{id}", .read) { _, context in
            let id = context.parameters.get("id") ?? ""
            let releases = try services.releases.all()
            guard let resource = try ConceptMapResource.read(id: id, releases: releases) else {
                throw APIError.notFound(
                    "ConceptMap '\(id)' not found: ids are sct-<release name>-<refset id> of an association or map refset, e.g. sct-INT-20250201-900000000000527005"
                )
            }
            return try Self.respond(resource)
        }
    }

    /// The local refsets as ValueSet resources, searched and read.
    private func registerValueSets(on fhir: RouterGroup<StewardRequestContext>) {
        let localValueSets = LocalValueSets(services: services)
        fhir.add(.get, "ValueSet", .read) { request, _ in
            let language = try request.languagePreference()
            let data = try localValueSets.search(
                url: request.query("url"), name: request.query("name"), title: request.query("title"), status: request.query("status"),
                language: language)
            return JSONResponse.bytes(data, contentType: JSONResponse.fhirContentType)
        }
        fhir.add(.get, "ValueSet/{id}", .read) { request, context in
            let id = context.parameters.get("id") ?? ""
            let language = try request.languagePreference()
            let data = try localValueSets.read(id: id, language: language)
            return JSONResponse.bytes(data, contentType: JSONResponse.fhirContentType)
        }
    }

    /// The terminology operations, each by GET (query parameters) and POST (a Parameters body).
    private func registerOperations(on fhir: RouterGroup<StewardRequestContext>) {
        let codeSystem = CodeSystemOperations(services: services)
        let valueSet = ValueSetExpansion(services: services)
        let conceptMap = ConceptMapTranslation(services: services)
        for method in [HTTPRequest.Method.get, .post] {
            fhir.add(method, "CodeSystem/$lookup", .read) { request, context in
                Self.respond(try codeSystem.lookup(try await OperationInput.read(request, context: context)))
            }
            fhir.add(method, "CodeSystem/$validate-code", .read) { request, context in
                Self.respond(try codeSystem.validateCode(try await OperationInput.read(request, context: context)))
            }
            fhir.add(method, "CodeSystem/$subsumes", .read) { request, context in
                Self.respond(try codeSystem.subsumes(try await OperationInput.read(request, context: context)))
            }
            fhir.add(method, "ValueSet/$expand", .read) { request, context in
                let input = try await OperationInput.read(request, context: context, bareValueSet: true)
                return Self.respond(try valueSet.expand(input))
            }
            fhir.add(method, "ValueSet/$validate-code", .read) { request, context in
                let input = try await OperationInput.read(request, context: context, bareValueSet: true)
                return Self.respond(try valueSet.validateCode(input))
            }
            fhir.add(method, "ConceptMap/$translate", .read) { request, context in
                let input = try await OperationInput.read(request, context: context)
                return Self.respond(try conceptMap.translate(input))
            }
        }
    }

    /// A FHIR JSON response.
    static func respond(_ resource: some Encodable) throws -> Response {
        try JSONResponse.make(resource, contentType: JSONResponse.fhirContentType)
    }

    static func respond(_ resource: some JSONWritable) -> Response {
        JSONResponse.make(resource, contentType: JSONResponse.fhirContentType)
    }
}
