import ArgumentParser
import Foundation
import TerminologyStore
import Workspace

/// The list filters, shared by `list` and `export`.
struct RequestFilterOptions: ParsableArguments {
    @Option(name: .customLong("status"), help: "Only these statuses (repeatable): \(RequestStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
    var statuses: [String] = []
    @Option(help: "Only this request type.") var type: String?
    @Option(help: "Only requests by this requester.") var requester: String?
    @Option(help: "Only requests assigned to this user.") var assignee: String?
    @Option(help: "Only requests whose summary contains this text (case-insensitive).") var text: String?

    func query(limit: Int, offset: Int) throws -> RequestQuery {
        RequestQuery(
            statuses: try statuses.map { try RequestStatus(parsing: $0) }, type: try type.map { try RequestType(parsing: $0) }, requester: requester,
            assignee: assignee, text: text, limit: limit, offset: offset)
    }
}

struct RequestListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List change requests, filtered and paged.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, tsv }

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var filters: RequestFilterOptions
    @Option(help: "At most this many requests.") var limit = 100
    @Option(help: "Skip this many requests.") var offset = 0
    @Option(help: "Output format: table, json, csv or tsv.") var format: Format = .table

    func run() throws {
        let (requests, total) = try workspace.openWorkspace().requests(try filters.query(limit: limit, offset: offset))
        switch format {
        case .table:
            if requests.isEmpty { Terminal.note("no matching requests") } else { print(RequestOutput.table(requests)) }
            if total > requests.count { Terminal.note("\(requests.count) of \(total) requests shown (use --limit and --offset)") }
        case .json: try Terminal.printJSON(requests)
        case .csv: FileHandle.standardOutput.write(Data(RequestExporter.csv(requests).utf8))
        case .tsv: FileHandle.standardOutput.write(Data(RequestExporter.tsv(requests).utf8))
        }
    }
}

struct RequestShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a request with its status history and comments.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Request id.") var id: String
    @Option(help: "Output format: text or json.") var format: Format = .text

    func run() throws {
        let record = try workspace.openWorkspace().requestRecord(try parseRequestId(id))
        switch format {
        case .text: print(try RequestOutput.text(record))
        case .json: try Terminal.printJSON(record)
        }
    }
}

struct RequestExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export requests for the national release centre: CSV/TSV sheet (CRS batch columns) or JSON with history.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, tsv, json }

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var filters: RequestFilterOptions
    @Option(help: "Output format: csv, tsv or json.") var format: Format = .csv
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func run() throws {
        let workspace = try workspace.openWorkspace()
        var requests: [ChangeRequest] = []
        while true {
            let page = try workspace.requests(try filters.query(limit: 1000, offset: requests.count)).requests
            requests += page
            if page.count < 1000 { break }
        }
        let data: Data
        switch format {
        case .csv: data = Data(RequestExporter.csv(requests).utf8)
        case .tsv: data = Data(RequestExporter.tsv(requests).utf8)
        case .json: data = try RequestExporter.json(try requests.map { try workspace.requestRecord($0.id) }) + Data("\n".utf8)
        }
        if let out {
            try data.write(to: URL(fileURLWithPath: out), options: .atomic)
            Terminal.note("wrote \(requests.count) requests to \(out)")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

struct RequestSatisfiedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satisfied", abstract: "Open requests that a release (default: the newest imported) appears to satisfy.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var releaseOption: ReleaseOption

    func run() throws {
        let store = try workspace.dataOptions.catalog.open(releaseOption.release)
        let found = try workspace.openWorkspace().requestsSatisfied(by: store)
        if found.isEmpty { Terminal.note("no open request appears satisfied by \(store.info.name)") }
        for (request, explanation) in found {
            print("\(request.id)\t\(request.status.rawValue)\t\(request.content.summary)\t\(explanation)")
        }
    }
}
