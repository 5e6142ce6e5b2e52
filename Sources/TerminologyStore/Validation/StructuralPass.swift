import Foundation
import GRDB
import RF2

/// Checks every selected file and stages its rows: one thread parses and checks, the calling thread inserts
/// into the staging database, so a large release uses both cores.
struct StructuralPass {
    struct Input: Sendable {
        var packageIndex: Int
        var packageName: String
        var file: RF2File
        /// The date in the package's file names, which an import gives rows with an empty effectiveTime.
        var releaseDate: Int
    }

    struct Output {
        var summaries: [FileChecker.Summary?]
        var problems: ProblemCollector
    }

    private enum Item: Sendable {
        case plans(fileIndex: Int, [StagingPlan])
        case batch(fileIndex: Int, FileChecker.Batch)
        case fileDone(fileIndex: Int, FileChecker.Summary)
        case finished(ProblemCollector)
    }

    let inputs: [Input]
    let cap: Int
    let progress: (@Sendable (String) -> Void)?

    func run(db: Database) throws -> Output {
        let channel = BatchChannel<Item>(capacity: 8)
        let inputs = self.inputs
        let cap = self.cap
        let producer = Thread { Self.produce(inputs: inputs, cap: cap, channel: channel) }
        producer.stackSize = 1 << 22
        producer.start()

        var summaries = [FileChecker.Summary?](repeating: nil, count: inputs.count)
        var plans: [Int: [StagingPlan]] = [:]
        var inserters: [StagingPlan.Table: StagingDatabase.Inserter] = [:]
        var problems = ProblemCollector(cap: cap)
        do {
            try db.execute(sql: "BEGIN")
            loop: while true {
                switch channel.take() {
                case .plans(let index, let found):
                    plans[index] = found
                    progress?("checking \(inputs[index].packageName)/\(inputs[index].file.displayPath)")
                case .batch(let index, let batch):
                    for (position, plan) in (plans[index] ?? []).enumerated() {
                        let inserter: StagingDatabase.Inserter
                        if let cached = inserters[plan.table] {
                            inserter = cached
                        } else {
                            inserter = try StagingDatabase.Inserter(plan.table, db: db)
                            inserters[plan.table] = inserter
                        }
                        try inserter.insert(batch.values[position], db: db)
                    }
                case .fileDone(let index, let summary):
                    summaries[index] = summary
                case .finished(let found):
                    problems = found
                    break loop
                }
            }
            try db.execute(sql: "COMMIT")
        } catch {
            channel.cancel()
            throw error
        }
        return Output(summaries: summaries, problems: problems)
    }

    private static func produce(inputs: [Input], cap: Int, channel: BatchChannel<Item>) {
        struct Cancelled: Error {}
        var problems = ProblemCollector(cap: cap)
        for (index, input) in inputs.enumerated() {
            guard let kind = input.file.kind else { continue }
            let checker = FileChecker(
                file: input.file, kind: kind, fileIndex: index, packageIndex: input.packageIndex, packageName: input.packageName,
                releaseDate: input.releaseDate)
            do {
                let summary = try checker.run(
                    problems: &problems,
                    plansFound: { found in
                        guard channel.put(.plans(fileIndex: index, found)) else { throw Cancelled() }
                    },
                    emit: { batch in
                        guard channel.put(.batch(fileIndex: index, batch)) else { throw Cancelled() }
                    })
                guard channel.put(.fileDone(fileIndex: index, summary)) else { return }
            } catch is Cancelled {
                return
            } catch let error as RF2Error {
                problems.add(
                    ValidationProblem(
                        .error, .unreadable, package: input.packageName, file: input.file.displayPath,
                        message: "\(error.reason); the rest of the file was not checked"))
            } catch {
                problems.add(
                    ValidationProblem(
                        .error, .unreadable, package: input.packageName, file: input.file.displayPath,
                        message: "\(error); the rest of the file was not checked"))
            }
        }
        _ = channel.put(.finished(problems))
    }
}
