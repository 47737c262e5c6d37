public import DelimitedText
public import Foundation
import Roster
public import RosterStore

/// Loads a roster (delegates, and optionally sessions and categories) from delimited files into the store.
///
/// Every file is read and parsed before anything is written; then the delegates' rows are checked on every core and
/// the good ones written as they are checked, all in one transaction. So a file that cannot be read changes
/// nothing, a bad row is reported with its line and skipped, and a newer export re-imported updates what changed and
/// touches nothing recorded on site.
public struct RosterImporter: Sendable {
    /// What to import.
    public struct Files: Sendable {
        public var delegates: URL
        public var sessions: URL?
        public var categories: URL?
        /// A YAML file naming the columns of a delegates file Lanyard does not recognise.
        public var mapping: URL?

        public init(delegates: URL, sessions: URL? = nil, categories: URL? = nil, mapping: URL? = nil) {
            self.delegates = delegates
            self.sessions = sessions
            self.categories = categories
            self.mapping = mapping
        }
    }

    private let database: RosterDatabase
    private let station: String

    /// - Parameter station: The station importing, which the flags the roster sets are logged as made at (so that
    ///   they sync as its entries).
    public init(database: RosterDatabase, station: String = "import") {
        self.database = database
        self.station = station
    }

    /// Imports `files`.
    /// - Parameters:
    ///   - rejectingBadRows: Writes nothing at all when any row is bad (an export pulled unattended), instead of
    ///     skipping the bad rows.
    ///   - progress: Called as the file is read and as its rows are checked and written.
    /// - Throws: ``LanyardError`` when a file cannot be read at all or the store has no event, or `invalidInput`
    ///   naming the bad rows when `rejectingBadRows`; nothing is written.
    public func run(_ files: Files, rejectingBadRows: Bool = false, progress: (ImportProgress) -> Void = { _ in }) throws -> ImportSummary {
        progress(ImportProgress(phase: .reading, done: 0, total: 0))
        let table = try DelimitedTable(contentsOf: files.delegates)
        return try run(table, named: files.delegates.lastPathComponent, with: files, rejectingBadRows: rejectingBadRows, progress: progress)
    }

    /// Imports the delegates of `table` (read already: an export pulled from a registration system), with the
    /// programme and mapping files of `files` when given, as ``run(_:rejectingBadRows:progress:)`` does.
    public func run(
        _ table: DelimitedTable, named fileName: String, with files: Files? = nil, rejectingBadRows: Bool = false,
        progress: (ImportProgress) -> Void = { _ in }
    ) throws -> ImportSummary {
        let event = try database.event()
        var problems: [RowProblem] = []

        var categories = try database.categories()
        var newCategories: [Category] = []
        if let url = files?.categories {
            let (read, categoryProblems) = ProgrammeFileReader.categories(try DelimitedTable(contentsOf: url), file: url.lastPathComponent)
            problems += categoryProblems
            newCategories = read
            categories = Self.merging(read, into: categories)
        }
        var sessions = try database.sessions()
        var newSessions: [Session] = []
        if let url = files?.sessions {
            let (read, sessionProblems) = ProgrammeFileReader.sessions(
                try DelimitedTable(contentsOf: url), file: url.lastPathComponent, dayCount: event.dayCount)
            problems += sessionProblems
            newSessions = read
            sessions = Dictionary(sessions.map { ($0.code, $0) } + read.map { ($0.code, $0) }, uniquingKeysWith: { _, new in new })
                .values.sorted { $0.code < $1.code }
        }

        let overrides = try files?.mapping.map(ColumnMapping.overrides(fromYAML:)) ?? [:]
        let mapping = try ColumnMapping(header: table.header, overrides: overrides, fileName: fileName)
        let reader = DelegateRowReader(
            mapping: mapping, sessionDays: Dictionary(uniqueKeysWithValues: sessions.map { ($0.code, $0.day) }),
            dayCount: event.dayCount, categories: CategoryResolver(known: categories, isStrict: files?.categories != nil))

        // Rows are read and checked on every core while the chunks already checked are written.
        let checker = DelegateRowChecker(reader: reader, mapping: mapping, fileName: fileName, folder: database.folder)
        var accepted = 0
        progress(ImportProgress(phase: .importing, done: 0, total: table.records.count))
        let changes = try database.apply(sessions: newSessions, station: station) { write in
            var created: [Category] = []
            try checker.check(table.records) { chunk in
                try write(chunk.delegates, chunk.searchDocuments, chunk.flags)
                accepted += chunk.delegates.count
                created += chunk.createdCategories
                problems += chunk.problems
                progress(ImportProgress(phase: .importing, done: chunk.rowsDone, total: table.records.count))
            }
            if rejectingBadRows, let first = problems.first {
                throw LanyardError(
                    .invalidInput,
                    "\(fileName) has \(problems.count) bad row\(problems.count == 1 ? "" : "s") (first: \(first)); nothing was changed.",
                    remedy: "Correct the export at its source; the next pull takes it.")
            }
            return newCategories + created
        }
        return ImportSummary(
            format: mapping.format, rowsRead: table.records.count, rowsAccepted: accepted, changes: changes,
            problems: problems)
    }

    private static func merging(_ new: [Category], into old: [Category]) -> [Category] {
        old.filter { existing in !new.contains { $0.code == existing.code } } + new
    }
}
