import DelimitedText
import Dispatch
import Roster
import Synchronization

/// Reads every row of a delegates file into a ``Delegate`` (folded for search too) or a ``RowProblem``, in chunks
/// on every core, and hands the chunks over in file order as they are ready, refusing a reference that appears
/// twice. The caller writes one chunk while the next ones are still being read.
struct DelegateRowChecker: Sendable {
    /// What one chunk of rows gave.
    struct Chunk {
        var delegates: [Delegate] = []
        /// Notes the roster gives that stop a delegate's check-in until acknowledged (reference → note).
        var flags: [String: String] = [:]
        /// Each delegate's folded spellings, in step with `delegates`.
        var searchDocuments: [SearchDocument] = []
        /// Categories the rows named that were not known, in the order first named.
        var createdCategories: [Category] = []
        var problems: [RowProblem] = []
        /// Rows read so far, this chunk's included.
        var rowsDone = 0
    }

    private enum Row {
        /// A good row: its delegate, folded, and the flag it gives (empty when none).
        case delegate(Delegate, SearchDocument, flag: String)
        case problem(RowProblem)
    }

    /// The rows of one chunk as read, before duplicates across chunks are known.
    private struct ReadChunk {
        var rows: [Row]
        var createdCategories: [Category]
    }

    let reader: DelegateRowReader
    let mapping: ColumnMapping
    let fileName: String
    let folder: NameFolder
    let chunkSize = 2_000

    /// Reads `records` and calls `consume` with each chunk in file order, as soon as it and those before it are
    /// read. When `consume` throws, the reading still under way finishes before the error is rethrown.
    func check(_ records: [DelimitedTable.Record], consume: (Chunk) throws -> Void) throws {
        let chunks = (records.count + chunkSize - 1) / chunkSize
        let results = Mutex<[Int: ReadChunk]>([:])
        let ready = (0..<chunks).map { _ in DispatchSemaphore(value: 0) }
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) {
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let chunk = read(records[(index * chunkSize)..<min(records.count, (index + 1) * chunkSize)])
                results.withLock { $0[index] = chunk }
                ready[index].signal()
            }
        }
        defer { reading.wait() }

        var firstLine: [String: Int] = [:]
        firstLine.reserveCapacity(records.count)
        var known = Set<String>()
        for index in 0..<chunks {
            ready[index].wait()
            let read = results.withLock { $0.removeValue(forKey: index)! }
            var chunk = Chunk(rowsDone: min(records.count, (index + 1) * chunkSize))
            chunk.createdCategories = read.createdCategories.filter { known.insert($0.code).inserted }
            for (offset, row) in read.rows.enumerated() {
                let record = records[index * chunkSize + offset]
                switch row {
                case .delegate(let delegate, let document, let flag):
                    // The document's reference is the delegate's in lower case, made where the row was read.
                    if let line = firstLine[document.reference] {
                        chunk.problems.append(problem(record, "its reference appears already on line \(line)"))
                    } else {
                        firstLine[document.reference] = record.line
                        chunk.delegates.append(delegate)
                        if !flag.isEmpty { chunk.flags[delegate.reference] = flag }
                        chunk.searchDocuments.append(document)
                    }
                case .problem(let problem):
                    chunk.problems.append(problem)
                }
            }
            try consume(chunk)
        }
    }

    private func read(_ records: ArraySlice<DelimitedTable.Record>) -> ReadChunk {
        var reader = reader
        let rows = records.map { record -> Row in
            do throws(RowError) {
                if record.misplacedQuote && record.fields.count != mapping.columnCount {
                    throw RowError(
                        "a quote is out of place and its \(record.fields.count) fields do not line up with the header's "
                            + "\(mapping.columnCount) (quote the whole field and double any quote inside it)")
                }
                let delegate = try reader.delegate(from: record.fields)
                return .delegate(delegate, SearchDocument(delegate, folder: folder), flag: mapping.value(.flag, in: record.fields))
            } catch {
                return .problem(problem(record, error.reason))
            }
        }
        return ReadChunk(rows: rows, createdCategories: reader.categories.created)
    }

    private func problem(_ record: DelimitedTable.Record, _ reason: String) -> RowProblem {
        let reference = mapping.value(.reference, in: record.fields)
        return RowProblem(
            file: fileName, line: record.line, reference: reference.isEmpty ? nil : reference,
            reason: "Skipped because \(reason).")
    }
}
