import CCsv
import Roster

/// libcsv's parser, owned and freed here, fed one physical line at a time so that every record knows the line it
/// starts on, counting the newlines inside quoted fields.
///
/// Strict mode: a quote inside an unquoted field, or text after a closing quote, is an error, as is a quoted field
/// still open at the end of the file.
final class CSVParser {
    /// One record and the line of the file it starts on.
    struct Record {
        let line: Int
        let fields: [String]
    }

    private let parser: UnsafeMutablePointer<csv_parser>
    private var fields: [String] = []
    private var records: [Record] = []
    private var recordLine = 1

    /// - Parameter delimiter: The field delimiter's byte; spaces (and tabs, unless they delimit) around unquoted
    ///   fields are dropped, libcsv's default.
    /// - Throws: ``LanyardError`` when libcsv does not start (it refuses only unknown options).
    init(delimiter: UInt8) throws {
        parser = .allocate(capacity: 1)
        guard csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0 else {
            parser.deallocate()
            throw LanyardError(.unreadableFile, "The CSV parser could not start.", remedy: "Reinstall libcsv.")
        }
        csv_set_delim(parser, delimiter)
        if delimiter == UInt8(CSV_TAB) {
            csv_set_space_func(parser) { byte in byte == UInt8(CSV_SPACE) ? 1 : 0 }
        }
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
    }

    /// Parses the whole of `bytes`.
    /// - Throws: ``LanyardError`` `unreadableFile` naming `name` and the line where the quoting goes wrong.
    func records(in bytes: UnsafeBufferPointer<UInt8>, name: String) throws -> [Record] {
        let context = Unmanaged.passUnretained(self).toOpaque()
        var line = 1
        var start = 0
        while start < bytes.count {
            let end = (bytes[start...].firstIndex(of: 0x0A) ?? bytes.count - 1) + 1
            if parser.pointee.pstate == 0 { recordLine = line }  // 0 is libcsv's ROW_NOT_BEGUN
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard csv_parse(parser, slice.baseAddress, slice.count, Self.endField, Self.endRecord, context) == slice.count
            else {
                throw LanyardError(
                    .unreadableFile, "\(name) is malformed on line \(line): a quote is out of place.",
                    remedy: "Quote the whole field and double any quote inside it (\"\"); nothing was imported.")
            }
            line += 1
            start = end
        }
        guard csv_fini(parser, Self.endField, Self.endRecord, context) == 0 else {
            throw LanyardError(
                .unreadableFile, "\(name) is malformed: the quoted field starting on line \(recordLine) is never closed.",
                remedy: "Add the closing quote; nothing was imported.")
        }
        return records
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
