import CCsv
import Dispatch
import Roster
import Synchronization

/// libcsv's parser, owned and freed here, fed one physical line at a time so that every record knows the line it
/// starts on, counting the newlines inside quoted fields. Fields come without the spaces and tabs around them.
///
/// Strict mode: a quote inside an unquoted field, text after a closing quote, or a quoted field never closed makes
/// the record it is in unreadable as CSV. Such a record is not allowed to sink the file: its first line is read
/// again as written, quotes and all (``Record/misplacedQuote``), and parsing resumes on the next line. So a name
/// typed `John "Jack"` in a spreadsheet is read as typed, and a stray opening quote costs one row, not the rest of
/// the file.
///
/// A parser is used by one thread at a time: ``records(in:delimiter:)`` hands each half's parser to its own thread
/// and reads them only once both threads are done (hence `@unchecked Sendable`).
final class CSVParser: @unchecked Sendable {
    typealias Record = DelimitedTable.Record

    private let parser: UnsafeMutablePointer<csv_parser>
    private let delimiter: UInt8
    private let quote: UInt8
    private let options: UInt8
    private var fields: [String] = []
    private var records: [Record] = []
    private var recordLine = 1

    /// - Parameter delimiter: The field delimiter's byte; spaces (and tabs, unless they delimit) around unquoted
    ///   fields are dropped, libcsv's default.
    /// - Throws: ``LanyardError`` when libcsv does not start (it refuses only unknown options).
    init(delimiter: UInt8, quote: UInt8 = UInt8(CSV_QUOTE), strict: Bool = true) throws {
        self.delimiter = delimiter
        self.quote = quote
        self.options = strict ? UInt8(CSV_STRICT | CSV_STRICT_FINI) : 0
        parser = .allocate(capacity: 1)
        guard start() else {
            parser.deallocate()
            throw LanyardError(.unreadableFile, "The CSV parser could not start.", remedy: "Reinstall libcsv.")
        }
    }

    /// Initialises libcsv's parser with this one's options.
    private func start() -> Bool {
        guard csv_init(parser, options) == 0 else { return false }
        csv_set_delim(parser, delimiter)
        csv_set_quote(parser, quote)
        if delimiter == UInt8(CSV_TAB) {
            csv_set_space_func(parser) { byte in byte == UInt8(CSV_SPACE) ? 1 : 0 }
        }
        return true
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
    }

    /// Parses the whole of `bytes`. A large file is parsed in two halves at once, split where a line starts: when
    /// the first half ends between records, the second half's records follow it; when it ends inside one (a quoted
    /// field holding a newline across the split), the first half's parser reads on through the second half, as it
    /// would have alone. The records are the same either way.
    static func records(in bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) throws -> [Record] {
        let lines = Lines(bytes)
        let first = try CSVParser(delimiter: delimiter)
        guard lines.count >= 2 * linesPerHalfAtLeast else {
            try first.read(lines, from: 1)
            return try first.finish(lines)
        }
        let split = lines.count / 2 + 1
        let second = try CSVParser(delimiter: delimiter)
        let outcomes = Mutex<[Int: Result<Void, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let outcome = Result {
                _ = try half == 0 ? first.read(lines, from: 1, before: split) : second.read(lines, from: split)
            }
            outcomes.withLock { $0[half] = outcome }
        }
        try outcomes.withLock { $0[0]! }.get()
        guard first.isBetweenRecords else {
            try first.read(lines, from: split)
            return try first.finish(lines)
        }
        try outcomes.withLock { $0[1]! }.get()
        return try first.records + second.finish(lines)
    }

    /// A file in lines: line `n` (from 1) starts at `starts[n - 1]`.
    struct Lines: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let starts: [Int]

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var starts = [0]
            for index in bytes.indices where bytes[index] == 0x0A && index + 1 < bytes.count { starts.append(index + 1) }
            self.bytes = bytes
            self.starts = starts
        }

        var count: Int { starts.count }

        subscript(number: Int) -> UnsafeBufferPointer<UInt8> {
            let end = number < starts.count ? starts[number] : bytes.count
            return UnsafeBufferPointer(rebasing: bytes[starts[number - 1]..<end])
        }
    }

    /// Fewer lines than twice this are parsed in one piece: starting a second thread would cost more.
    private static let linesPerHalfAtLeast = 10_000

    /// Whether the lines read so far ended a record.
    private var isBetweenRecords: Bool { parser.pointee.pstate == 0 }  // 0 is libcsv's ROW_NOT_BEGUN

    /// Feeds lines `number` up to `end` (the last line when nil), reading a line with a quote out of place as
    /// written; returns self.
    @discardableResult
    private func read(_ lines: Lines, from number: Int, before end: Int? = nil) throws -> CSVParser {
        let end = end ?? lines.count + 1
        let context = Unmanaged.passUnretained(self).toOpaque()
        var number = number
        while number < end {
            if isBetweenRecords { recordLine = number }
            let text = lines[number]
            if csv_parse(parser, text.baseAddress, text.count, Self.endField, Self.endRecord, context) != text.count {
                number = try recover(lines[recordLine], number: recordLine)
                continue
            }
            number += 1
        }
        return self
    }

    /// Ends the file: a record without a newline after it is kept, and a quoted field still open at the end had a
    /// stray quote on its record's first line, which is read as written before reading on.
    private func finish(_ lines: Lines) throws -> [Record] {
        let context = Unmanaged.passUnretained(self).toOpaque()
        while csv_fini(parser, Self.endField, Self.endRecord, context) != 0 {
            try read(lines, from: recover(lines[recordLine], number: recordLine))
        }
        return records
    }

    /// Reads line `number` as written, with quotes as plain characters, and returns the line to resume from.
    private func recover(_ text: UnsafeBufferPointer<UInt8>, number: Int) throws -> Int {
        csv_free(parser)
        _ = start()
        fields.removeAll()
        let literal = try CSVParser(delimiter: delimiter, quote: 0, strict: false)
        if let record = try literal.read(Lines(text), from: 1).finish(Lines(text)).first {
            records.append(Record(line: number, fields: record.fields, misplacedQuote: true))
        }
        return number + 1
    }

    private static let endField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        bytes, count, context in
        let parser = Unmanaged<CSVParser>.fromOpaque(context!).takeUnretainedValue()
        guard let bytes else { return parser.fields.append("") }
        // Without the spaces and tabs around it, inside quotes too (a field's own newlines stay).
        var field = UnsafeRawBufferPointer(start: bytes, count: count)[...]
        while let first = field.first, first == 0x20 || first == 0x09 { field = field.dropFirst() }
        while let last = field.last, last == 0x20 || last == 0x09 { field = field.dropLast() }
        parser.fields.append(String(decoding: field, as: UTF8.self))
    }

    private static let endRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        let parser = Unmanaged<CSVParser>.fromOpaque(context!).takeUnretainedValue()
        parser.records.append(Record(line: parser.recordLine, fields: parser.fields))
        parser.fields.removeAll(keepingCapacity: true)
    }
}
