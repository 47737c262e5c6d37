import Dispatch
import Roster
import Synchronization

/// Reads every row of a delegates file into a ``Delegate`` (folded for search too) or a ``RowProblem``, in chunks
/// on every core, and then, in file order, refuses a reference that appears twice.
struct DelegateRowChecker: Sendable {
    /// What the rows gave.
    struct Outcome {
        var delegates: [Delegate] = []
        /// Each delegate's folded spellings, in step with `delegates`.
        var searchDocuments: [SearchDocument] = []
        /// Categories the rows named that were not known, in the order first named.
        var createdCategories: [Category] = []
        var problems: [RowProblem] = []
    }

    private enum Row {
        case delegate(Delegate, SearchDocument)
        case problem(RowProblem)
    }

    let reader: DelegateRowReader
    let mapping: ColumnMapping
    let fileName: String
    let folder: NameFolder

    func check(_ records: [DelimitedTable.Record]) -> Outcome {
        let chunk = 5_000
        let chunks = (records.count + chunk - 1) / chunk
        let results = Mutex<[Int: (rows: [Row], created: [Category])]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            var reader = reader
            let rows = records[(index * chunk)..<min(records.count, (index + 1) * chunk)].map { record -> Row in
                do throws(RowError) {
                    let delegate = try reader.delegate(from: record.fields)
                    return .delegate(delegate, SearchDocument(delegate, folder: folder))
                } catch {
                    return .problem(problem(record, error.reason))
                }
            }
            results.withLock { $0[index] = (rows, reader.categories.created) }
        }

        var outcome = Outcome()
        var firstLine: [String: Int] = [:]
        let byChunk = results.withLock { $0 }
        for index in 0..<chunks {
            let (rows, created) = byChunk[index]!
            for category in created where !outcome.createdCategories.contains(where: { $0.code == category.code }) {
                outcome.createdCategories.append(category)
            }
            for (offset, row) in rows.enumerated() {
                let record = records[index * chunk + offset]
                switch row {
                case .delegate(let delegate, let document):
                    if let line = firstLine[delegate.reference.lowercased()] {
                        outcome.problems.append(problem(record, "its reference appears already on line \(line)"))
                    } else {
                        firstLine[delegate.reference.lowercased()] = record.line
                        outcome.delegates.append(delegate)
                        outcome.searchDocuments.append(document)
                    }
                case .problem(let problem):
                    outcome.problems.append(problem)
                }
            }
        }
        return outcome
    }

    private func problem(_ record: DelimitedTable.Record, _ reason: String) -> RowProblem {
        let reference = mapping.value(.reference, in: record.fields)
        return RowProblem(
            file: fileName, line: record.line, reference: reference.isEmpty ? nil : reference,
            reason: "Skipped because \(reason).")
    }
}
