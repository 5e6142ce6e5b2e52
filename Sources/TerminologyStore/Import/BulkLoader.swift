import Foundation
import GRDB
import GRDBSQLite
import RF2

/// Streams RF2 files into store tables: one thread parses, the calling thread inserts through prepared
/// statements bound directly (no per-row allocation).
struct BulkLoader {
    /// In merge mode rows with an existing key are upserted keeping the newest effective time (Full, Delta,
    /// several packages); otherwise a repeated key is a duplicate-id error.
    let merge: Bool
    let window: TimeWindow
    /// Concepts already in the store (the base of a delta); concept files add to them as they load.
    let knownConcepts: Set<Int64>
    /// Descriptions already in the store, for checking language refset members.
    let knownDescriptions: Set<Int64>
    let progress: (@Sendable (String) -> Void)?

    struct FileResult: Sendable {
        let file: RF2File
        let rows: Int
        let header: [String]
        let refsetIds: Set<Int64>
    }

    private enum Item: Sendable {
        case header(fileIndex: Int, [String])
        case batch(fileIndex: Int, RowBatch)
        case endOfFile(fileIndex: Int)
        case failed(RF2Error)
        case finished
    }

    /// Seconds the parser waited for the writer and the writer for the parser during the last load.
    final class Balance: @unchecked Sendable {
        var parserBlocked = 0.0
        var writerIdle = 0.0
        /// Language refset members whose description is not in the release, per file (a warning, not fatal).
        var danglingLanguageMembers: [String: Int] = [:]
        /// Blank lines and mixed line endings the reader accepted, one warning each.
        var lineWarnings: [String] = []
        /// Rows with an empty effectiveTime, one warning per file.
        var undatedWarnings: [String] = []
    }
    let balance = Balance()

    func load(_ entries: [ImportSelection.Entry], into db: Database) throws -> [FileResult] {
        let files = entries.map(\.file)
        let releaseDates = entries.map(\.releaseDate)
        let channel = BatchChannel<Item>(capacity: 6)
        let window = self.window
        let known = knownConcepts
        let knownDescriptions = knownDescriptions
        let merge = self.merge
        let balance = self.balance
        let producer = Thread {
            Self.produce(
                files: files, releaseDates: releaseDates, window: window, merge: merge, knownConcepts: known, knownDescriptions: knownDescriptions,
                balance: balance, channel: channel)
        }
        producer.stackSize = 1 << 22
        producer.start()

        var results: [FileResult] = []
        var statements: [TableLayout: Statement] = [:]
        var header: [String] = []
        var rows = 0
        var refsetIds = Set<Int64>()
        do {
            loop: while true {
                switch channel.take() {
                case .header(let index, let names):
                    header = names
                    rows = 0
                    refsetIds = []
                    progress?("loading \(files[index].displayPath)")
                case .batch(let index, let batch):
                    let file = files[index]
                    let layout = TableLayout.layout(for: file.kind!)
                    let statement: Statement
                    if let cached = statements[layout] {
                        statement = cached
                    } else {
                        statement = try db.makeStatement(sql: layout.insertSQL(merge: merge))
                        statements[layout] = statement
                    }
                    try insert(batch, layout: layout, statement: statement, db: db, file: file)
                    rows += batch.count
                    if layout.table == "refset_member" {
                        for row in 0..<batch.count { refsetIds.insert(batch.ints[row * layout.intStride + 5]) }
                    }
                case .endOfFile(let index):
                    results.append(FileResult(file: files[index], rows: rows, header: header, refsetIds: refsetIds))
                case .failed(let error):
                    throw error
                case .finished:
                    (balance.parserBlocked, balance.writerIdle) = channel.waitingTimes()
                    break loop
                }
            }
        } catch {
            channel.cancel()
            throw error
        }
        return results
    }

    /// Parses on its own thread. Concept references in descriptions and relationships are checked here,
    /// against every concept loaded so far (concept files come first), so the error names the exact line.
    ///
    /// Without merging, refset member ids must be unique; that is checked here too, in memory, because a
    /// UUID index in SQLite costs more than the rest of the import.
    private static func produce(
        files: [RF2File], releaseDates: [Int], window: TimeWindow, merge: Bool, knownConcepts: Set<Int64>, knownDescriptions: Set<Int64>, balance: Balance,
        channel: BatchChannel<Item>
    ) {
        struct Cancelled: Error {}
        var concepts = knownConcepts
        var descriptions = knownDescriptions
        var memberIds = Set<RF2UUID>()
        var dangling: [String: Int] = [:]
        var lineWarnings: [String] = []
        var undatedWarnings: [String] = []
        do {
            for (index, file) in files.enumerated() {
                guard let kind = file.kind else { continue }
                let layout = TableLayout.layout(for: kind)
                var converter = RowConverter(kind: kind, window: window, releaseDate: releaseDates[index])
                var batch = RowBatch(layout: layout)
                var isLanguageRefset = false
                let lines = try RF2RowReader(file: file).read(
                    header: { names in
                        isLanguageRefset = kind == .refset(pattern: "c") && names[6].lowercased() == "acceptabilityid"
                        try RF2Columns.validate(header: names, kind: kind, file: file.displayPath)
                        if case .refset(let pattern) = kind, pattern.count > ReleaseSchema.maxRefsetFields {
                            throw RF2Error(
                                .badHeader, file: file.displayPath, line: 1,
                                reason: "refsets with more than \(ReleaseSchema.maxRefsetFields) additional fields are not supported")
                        }
                        guard channel.put(.header(fileIndex: index, names)) else { throw Cancelled() }
                    },
                    row: { row in
                        guard try converter.append(row, to: &batch) else { return }
                        let base = (batch.count - 1) * layout.intStride
                        switch kind {
                        case .concept:
                            concepts.insert(batch.ints[base])
                        case .description, .textDefinition:
                            try check(batch.ints[base + 4], column: 4, row: row, concepts: concepts)
                            descriptions.insert(batch.ints[base])
                        case .relationship, .statedRelationship:
                            try check(batch.ints[base + 4], column: 4, row: row, concepts: concepts)
                            try check(batch.ints[base + 5], column: 5, row: row, concepts: concepts)
                            try check(batch.ints[base + 7], column: 7, row: row, concepts: concepts)
                        case .concreteValues:
                            try check(batch.ints[base + 4], column: 4, row: row, concepts: concepts)
                            try check(batch.ints[base + 6], column: 7, row: row, concepts: concepts)
                        case .refset:
                            if !merge {
                                let id = RF2UUID(high: UInt64(bitPattern: batch.ints[base]), low: UInt64(bitPattern: batch.ints[base + 1]))
                                guard memberIds.insert(id).inserted else {
                                    throw row.error(.duplicateId, 0, "duplicate id: the same member id appears earlier in this release")
                                }
                            }
                            if isLanguageRefset, !descriptions.contains(batch.ints[base + 6]) {
                                dangling[file.displayPath, default: 0] += 1
                            }
                        case .identifier:
                            break
                        }
                        if batch.count >= RowBatch.capacity {
                            guard channel.put(.batch(fileIndex: index, batch)) else { throw Cancelled() }
                            batch = RowBatch(layout: layout)
                        }
                    })
                lineWarnings += lines.warnings(file: file.displayPath)
                if converter.undatedRows > 0 {
                    undatedWarnings.append(undatedWarning(file.displayPath, rows: converter.undatedRows, date: releaseDates[index], window: window))
                }
                if batch.count > 0 {
                    guard channel.put(.batch(fileIndex: index, batch)) else { throw Cancelled() }
                }
                guard channel.put(.endOfFile(fileIndex: index)) else { throw Cancelled() }
            }
            // Stored before `.finished` is sent: the loader reads them as soon as it takes `.finished`, and the
            // channel's lock orders these writes before that read (a `defer` here ran after it, a data race).
            balance.danglingLanguageMembers = dangling
            balance.lineWarnings = lineWarnings
            balance.undatedWarnings = undatedWarnings
            _ = channel.put(.finished)
        } catch let error as RF2Error {
            _ = channel.put(.failed(error))
        } catch is Cancelled {
            return
        } catch {
            _ = channel.put(.failed(RF2Error(.unreadable, reason: "\(error)")))
        }
    }

    /// What the load accepted but the operator should know: blank lines and mixed line endings, rows with an
    /// empty effectiveTime, and language members that point at no description (one line per file each).
    func warnings() -> [String] {
        balance.lineWarnings + balance.undatedWarnings
            + balance.danglingLanguageMembers.sorted { $0.key < $1.key }.map {
                "\($0.key): \($0.value) language refset members refer to descriptions that are not in the release"
            }
    }

    /// Rows dated by the import rather than the file: how many, the date they took, and when the time
    /// window left them out (a Full import as of an earlier date, or not newer than the base release).
    private static func undatedWarning(_ path: String, rows: Int, date: Int, window: TimeWindow) -> String {
        var text = "\(path): \(rows) \(rows == 1 ? "row" : "rows") with an empty effectiveTime taken as \(date) (content not yet published)"
        if let asOf = window.asOf, date > asOf {
            text += "; left out, as \(date) is after --as-of \(asOf)"
        } else if let after = window.after, date <= after {
            text += "; left out, as \(date) is not after the base release's \(after)"
        }
        return text
    }

    private static func check(_ id: Int64, column: Int, row: RF2Row, concepts: Set<Int64>) throws(RF2Error) {
        guard concepts.contains(id) else {
            throw row.error(.badIdentifier, column, "refers to concept \(id), which is not in the release")
        }
    }

    private func insert(_ batch: RowBatch, layout: TableLayout, statement: Statement, db: Database, file: RF2File) throws {
        let handle = statement.sqliteStatement
        let intStride = layout.intStride
        let textStride = layout.textStride
        let kinds = layout.kinds
        try batch.ints.withUnsafeBufferPointer { ints in
            try batch.text.withUnsafeBufferPointer { text in
                let textBase = text.baseAddress.map { UnsafeRawPointer($0) }
                var uuidBytes = [UInt8](repeating: 0, count: 16)
                for row in 0..<batch.count {
                    var intIndex = row * intStride
                    var textIndex = row * textStride
                    for (position, kind) in kinds.enumerated() {
                        let parameter = Int32(position + 1)
                        switch kind {
                        case .int:
                            sqlite3_bind_int64(handle, parameter, ints[intIndex])
                            intIndex += 1
                        case .text:
                            let end = batch.textEnds[textIndex]
                            let start = textIndex == 0 ? 0 : batch.textEnds[textIndex - 1]
                            let pointer = (textBase ?? UnsafeRawPointer(bitPattern: 1)!).advanced(by: start)
                            sqlite3_bind_text(handle, parameter, pointer.assumingMemoryBound(to: CChar.self), Int32(end - start), SQLITE_TRANSIENT_VALUE)
                            textIndex += 1
                        case .uuid:
                            var high = UInt64(bitPattern: ints[intIndex]).bigEndian
                            var low = UInt64(bitPattern: ints[intIndex + 1]).bigEndian
                            withUnsafeBytes(of: &high) { uuidBytes.replaceSubrange(0..<8, with: $0) }
                            withUnsafeBytes(of: &low) { uuidBytes.replaceSubrange(8..<16, with: $0) }
                            uuidBytes.withUnsafeBytes { _ = sqlite3_bind_blob(handle, parameter, $0.baseAddress, 16, SQLITE_TRANSIENT_VALUE) }
                            intIndex += 2
                        }
                    }
                    let result = sqlite3_step(handle)
                    sqlite3_reset(handle)
                    if result != SQLITE_DONE {
                        let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                        if result & 0xFF == SQLITE_CONSTRAINT {
                            let value: String
                            if kinds[0] == .uuid {
                                value = RF2UUID(high: UInt64(bitPattern: ints[row * intStride]), low: UInt64(bitPattern: ints[row * intStride + 1])).description
                            } else {
                                value = String(ints[row * intStride])
                            }
                            throw RF2Error(
                                .duplicateId, file: file.displayPath, line: Int(batch.lines[row]),
                                column: layout.columns[0] == "uuid" ? "id" : RF2Columns.expected(for: file.kind!)[0],
                                value: value, reason: "duplicate id: the same id appears earlier in this release")
                        }
                        throw StoreError(.database, "writing \(file.displayPath) line \(batch.lines[row]): \(message)")
                    }
                }
            }
        }
    }
}

/// SQLite's `SQLITE_TRANSIENT`: the library copies the bound bytes.
let SQLITE_TRANSIENT_VALUE = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
