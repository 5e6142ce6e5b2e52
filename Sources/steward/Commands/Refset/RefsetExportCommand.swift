import ArgumentParser
import Foundation
import RF2
import TerminologyStore
import Workspace

struct RefsetExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a refset (rf2 member files, an RF2 zip package, csv, tsv, a FHIR ValueSet), or every refset as RefSets/ files.",
        discussion: "`--format file --out RefSets/` writes one reviewable file per local refset; the other formats export one refset.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case rf2, zip, csv, tsv, fhir, file }
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Refset concept id or name (not for --format file).") var refset: String?
    @Option(help: "rf2 (Snapshot/Full/Delta member files into --out DIR), zip (a whole RF2 package), csv, tsv, fhir (ValueSet JSON) or file.")
    var format: Format
    @Option(help: "Output file or directory (default: standard output for csv, tsv and fhir).") var out: String?
    @Option(help: "Export this published version (csv, tsv, fhir; default: the draft).") var version: Int?
    @Option(help: "Language preference for terms.") var lang: String = "nb,nn,en"
    @Option(help: "Country code in RF2 file names (default: the workspace setting).") var country: String?
    @Option(help: "Namespace in RF2 file names (default: the workspace setting).") var namespace: Int?

    func validate() throws {
        if [.rf2, .zip, .file].contains(format) && out == nil { throw ValidationError("--format \(format.rawValue) needs --out") }
        if format == .file && refset != nil { throw ValidationError("--format file exports every refset: leave out the refset") }
        if format != .file && refset == nil { throw ValidationError("name the refset to export") }
    }

    func run() throws {
        let context = try RefsetContext(options)
        let language = try LanguagePreference(parsing: lang)
        if format == .file {
            let files = try context.workspace.exportRefsetFiles(to: URL(fileURLWithPath: out!), release: try? context.catalog.open(nil), language: language)
            Terminal.note("wrote \(files.count) refset files to \(out!)")
            return
        }
        let refset = try context.workspace.refset(named: self.refset!)
        switch format {
        case .rf2, .zip:
            let settings = try context.workspace.settings()
            guard let country = country ?? settings.countryCode, let namespace = namespace ?? settings.namespace else {
                throw ValidationError(
                    "RF2 file names need a country code and namespace: pass --country and --namespace or set them with 'steward workspace config'")
            }
            let versions = try context.workspace.versions(of: refset.id)
            var times: [String: Int] = [:]
            for release in try context.catalog.releases() { times[release.name] = release.effectiveTime }
            let history = RefsetRelease(refset: refset, versions: try versions.map { ($0, try context.workspace.members(of: refset.id, version: $0.number)) })
            let writer = RefsetRF2Writer(release: history, country: country, namespace: namespace, dependencyTimes: times)
            if format == .zip {
                try writer.writePackage(zipTo: URL(fileURLWithPath: out!))
                Terminal.note("wrote \(out!) (\(try writer.packageName))")
            } else {
                let files = try writer.writeMemberFiles(to: URL(fileURLWithPath: out!))
                Terminal.note("wrote \(files.map(\.lastPathComponent).joined(separator: ", ")) to \(out!)")
            }
        case .csv, .tsv, .fhir:
            let published = try version.map { number in
                guard let found = try context.workspace.versions(of: refset.id).first(where: { $0.number == number }) else {
                    throw ValidationError("refset \(refset.id) has no version \(number)")
                }
                return found
            }
            let release = try published.map { try context.catalog.open($0.release) } ?? context.release(of: refset)
            let members =
                try published.map { try context.workspace.members(of: refset.id, version: $0.number) }
                ?? context.workspace.draftMembers(of: refset.id, release: release)
            let table = try RefsetTable(members: members, release: release, language: language)
            let data: Data
            switch format {
            case .csv: data = Data(table.text(separator: ",").utf8)
            case .tsv: data = Data(table.text(separator: "\t").utf8)
            default:
                data =
                    try RefsetValueSet(
                        refset: refset, version: published, entries: try context.workspace.entries(of: refset.id), members: table,
                        releaseURI: release.info.versionURI
                    ).json() + Data("\n".utf8)
            }
            if let out {
                try data.write(to: URL(fileURLWithPath: out), options: .atomic)
                Terminal.note("wrote \(out) (\(members.count) members)")
            } else {
                FileHandle.standardOutput.write(data)
            }
        case .file: break
        }
    }
}
