import CCsv
import Roster

/// libcsv's parser, owned and freed here, fed one physical line at a time so that every record knows the line it
/// starts on, counting the newlines inside quoted fields.
///
/// Strict mode: a quote inside an unquoted field, text after a closing quote, or a quoted field never closed makes
/// the record it is in unreadable as CSV. Such a record is not allowed to sink the file: its first line is read
/// again as written, quotes and all (``Record/misplacedQuote``), and parsing resumes on the next line. So a name
/// typed `John "Jack"` in a spreadsheet is read as typed, and a stray opening quote costs one row, not the rest of
/// the file.
final class CSVParser {
    /// One record and the line of the file it starts on.
    struct Record {
        let line: Int
        let fields: [String]
        /// Whether a quote was out of place, so the line was read as written rather than as CSV quoting says.
        var misplacedQuote = false
    }

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

    /// Parses the whole of `bytes`.
    func records(in bytes: UnsafeBufferPointer<UInt8>) throws -> [Record] {
        var lineStarts = [0]
        for index in bytes.indices where bytes[index] == 0x0A && index + 1 < bytes.count { lineStarts.append(index + 1) }
        func line(_ number: Int) -> UnsafeBufferPointer<UInt8> {
            let end = number < lineStarts.count ? lineStarts[number] : bytes.count
            return UnsafeBufferPointer(rebasing: bytes[lineStarts[number - 1]..<end])
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        var number = 1
        while true {
            while number <= lineStarts.count {
                if parser.pointee.pstate == 0 { recordLine = number }  // 0 is libcsv's ROW_NOT_BEGUN
                let text = line(number)
                if csv_parse(parser, text.baseAddress, text.count, Self.endField, Self.endRecord, context) != text.count {
                    number = try recover(line(recordLine), number: recordLine)
                    continue
                }
                number += 1
            }
            guard csv_fini(parser, Self.endField, Self.endRecord, context) != 0 else { return records }
            // A quoted field still open at the end: its record's first line had a stray quote.
            number = try recover(line(recordLine), number: recordLine)
        }
    }

    /// Reads line `number` as written, with quotes as plain characters, and returns the line to resume from.
    private func recover(_ text: UnsafeBufferPointer<UInt8>, number: Int) throws -> Int {
        csv_free(parser)
        _ = start()
        fields.removeAll()
        let literal = try CSVParser(delimiter: delimiter, quote: 0, strict: false)
        if let record = try literal.records(in: text).first {
            records.append(Record(line: number, fields: record.fields, misplacedQuote: true))
        }
        return number + 1
    }

    private static let endField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        bytes, count, context in
        let parser = Unmanaged<CSVParser>.fromOpaque(context!).takeUnretainedValue()
        parser.fields.append(
            bytes.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: count), as: UTF8.self) } ?? "")
    }

    private static let endRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        let parser = Unmanaged<CSVParser>.fromOpaque(context!).takeUnretainedValue()
        parser.records.append(Record(line: parser.recordLine, fields: parser.fields))
        parser.fields.removeAll(keepingCapacity: true)
    }
}
