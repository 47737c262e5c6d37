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

    /// A chunk as read on a worker, before duplicates across chunks are known: its `flags` are still empty.
    private struct ReadChunk {
        var chunk = Chunk()
        /// In step with `chunk.delegates`: each one's reference in lower case, the position of its record in the
        /// file, and the flag its row gives (empty when none).
        var rows: [(reference: String, record: Int, flag: String)] = []
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
            var read = results.withLock { $0.removeValue(forKey: index)! }
            var chunk = read.chunk
            read.chunk = Chunk()  // the chunk's arrays, held once, are changed in place
            chunk.rowsDone = min(records.count, (index + 1) * chunkSize)
            chunk.createdCategories = chunk.createdCategories.filter { known.insert($0.code).inserted }
            var repeated: [Int] = []
            for (offset, row) in read.rows.enumerated() {
                if let line = firstLine[row.reference] {
                    repeated.append(offset)
                    chunk.problems.append(problem(records[row.record], "its reference appears already on line \(line)"))
                } else {
                    firstLine[row.reference] = records[row.record].line
                    if !row.flag.isEmpty { chunk.flags[chunk.delegates[offset].reference] = row.flag }
                }
            }
            if !repeated.isEmpty { Self.remove(repeated, from: &chunk) }
            try consume(chunk)
        }
    }

    /// Reads a chunk's rows: its good rows' delegates, folded, and its bad rows' problems.
    private func read(_ records: ArraySlice<DelimitedTable.Record>) -> ReadChunk {
        var reader = reader
        var read = ReadChunk()
        read.chunk.delegates.reserveCapacity(records.count)
        read.chunk.searchDocuments.reserveCapacity(records.count)
        read.rows.reserveCapacity(records.count)
        for (position, record) in zip(records.indices, records) {
            do throws(RowError) {
                if record.misplacedQuote && record.fields.count != mapping.columnCount {
                    throw RowError(
                        "a quote is out of place and its \(record.fields.count) fields do not line up with the header's "
                            + "\(mapping.columnCount) (quote the whole field and double any quote inside it)")
                }
                let delegate = try reader.delegate(from: record.fields)
                let document = SearchDocument(delegate, folder: folder)
                // The document's reference is the delegate's in lower case.
                read.rows.append((document.reference, position, mapping.value(.flag, in: record.fields)))
                read.chunk.delegates.append(delegate)
                read.chunk.searchDocuments.append(document)
            } catch {
                read.chunk.problems.append(problem(record, error.reason))
            }
        }
        read.chunk.createdCategories = reader.categories.created
        return read
    }

    /// Takes out of `chunk` the delegates at `offsets` (ascending), whose references came earlier in the file, in one
    /// pass, and puts its problems back in file order.
    private static func remove(_ offsets: [Int], from chunk: inout Chunk) {
        let repeated = Set(offsets)
        var kept = 0
        for offset in chunk.delegates.indices where !repeated.contains(offset) {
            chunk.delegates.swapAt(kept, offset)
            chunk.searchDocuments.swapAt(kept, offset)
            kept += 1
        }
        chunk.delegates.removeLast(chunk.delegates.count - kept)
        chunk.searchDocuments.removeLast(chunk.searchDocuments.count - kept)
        chunk.problems.sort { $0.line < $1.line }
    }

    private func problem(_ record: DelimitedTable.Record, _ reason: String) -> RowProblem {
        let reference = mapping.value(.reference, in: record.fields)
        return RowProblem(
            file: fileName, line: record.line, reference: reference.isEmpty ? nil : reference,
            reason: "Skipped because \(reason).")
    }
}
