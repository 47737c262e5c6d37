import Crypto
public import Foundation
import GRDB
public import Roster

extension RosterDatabase {
    /// Registers a delegate on site (a walk-in), logged as `walk-in` with the registration.
    /// - Parameters:
    ///   - delegate: The registration; its reference is ignored when `numbering`.
    ///   - numbering: Gives the walk-in the next free `WALKIN-0001` reference, chosen in the same transaction; on a
    ///     station joined to a hub, `WALKIN-<STATION>-0001`, so that stations cut off from each other never hand out
    ///     the same reference.
    ///   - nonce: Makes the request idempotent: the same nonce again answers the first registration's entry.
    /// - Throws: ``LanyardError`` `alreadyExists` when the reference is taken; `invalidInput` for one too long.
    public func registerWalkIn(
        _ delegate: Delegate, numbering: Bool = false, nonce: String? = nil, station: String, staff: String?, at now: Date = Date()
    ) throws -> LogEntry {
        try storeAccess {
            try writer.write { db in
                if let nonce, let remembered = try Self.remembered(nonce, as: UUID.self, db) {
                    guard let entry = try LogRow.filter(LogRow.Columns.id == remembered.uuidString).fetchOne(db)?.entry() else {
                        throw LanyardError(.storeFailure, "The walk-in \(remembered) remembered for this request is missing.")
                    }
                    return entry
                }
                var delegate = delegate
                if numbering {
                    let joined = try Row.fetchOne(db, sql: "SELECT station FROM syncIdentity").map { row -> String in row["station"] }
                    delegate.reference = try Self.nextWalkInReference(prefix: Self.walkInPrefix(joinedAs: joined), db)
                }
                guard delegate.reference.utf8.count <= Delegate.maximumReferenceLength, !delegate.reference.isEmpty else {
                    throw LanyardError(.invalidInput, "A reference has 1 to \(Delegate.maximumReferenceLength) characters.")
                }
                if try DelegateRecord.filter(DelegateRecord.Columns.reference == delegate.reference).fetchCount(db) > 0 {
                    throw LanyardError(.alreadyExists, "A delegate already has the reference \(delegate.reference).")
                }
                try DelegateRecord(delegate, search: SearchDocument(delegate, folder: folder), updatedAt: now).insert(db)
                try db.execute(sql: "UPDATE delegate SET isWalkIn = 1 WHERE reference = ?", arguments: [delegate.reference])
                try Self.searchableWordsChanged(of: [delegate.reference], db)
                let entry = LogEntry(
                    at: now, reference: delegate.reference, station: station, staff: staff, details: .walkIn(WalkInDetails(delegate: delegate)))
                _ = try Self.insert(entry, db)
                if let nonce { _ = try Self.remember(entry.id, forNonce: nonce, kind: "walk-in", at: now, db) }
                return entry
            }
        }
    }

    /// `WALKIN-`, or on a station joined to a hub `WALKIN-<STATION>-<HASH>-`: up to six of the name's letters and
    /// digits to read, and four hex digits of its hash, so that `desk-1` and `desk1`, or two long names alike at
    /// the start, still number apart (stations are named case-insensitively).
    static func walkInPrefix(joinedAs station: String?) -> String {
        guard let station else { return "WALKIN-" }
        let letters = String(station.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(6))
        let hash = SHA256.hash(data: Data(station.lowercased().utf8)).prefix(2).map { String(format: "%02X", $0) }.joined()
        return "WALKIN-" + (letters.isEmpty ? "" : letters + "-") + hash + "-"
    }

    /// The next free walk-in reference after `prefix`, `0001` onwards.
    private static func nextWalkInReference(prefix: String, _ db: Database) throws -> String {
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM delegate WHERE isWalkIn AND reference LIKE ?", arguments: [prefix + "%"]) ?? 0
        var number = count + 1
        while try DelegateRecord.filter(DelegateRecord.Columns.reference == prefix + String(format: "%04d", number)).fetchCount(db) > 0 {
            number += 1
        }
        return prefix + String(format: "%04d", number)
    }

    /// Corrects a delegate's name: kept over later imports of the roster, logged as `name-corrected` with the name
    /// before and after. The badge in force keeps the old spelling until it is reprinted.
    public func correctName(
        of reference: String, to name: PersonNameFields, station: String, staff: String?, at now: Date = Date()
    ) throws -> (Delegate, LogEntry) {
        try storeAccess {
            try writer.write { db in
                guard let record = try DelegateRecord.filter(DelegateRecord.Columns.reference == reference).fetchOne(db) else {
                    throw LanyardError.noSuchDelegate(reference)
                }
                var delegate = record.delegate
                let before = PersonNameFields(delegate)
                delegate.title = name.title
                delegate.givenName = name.givenName
                delegate.familyName = name.familyName
                delegate.fullName = nil
                delegate.nativeName = name.nativeName.flatMap { $0.isEmpty ? nil : $0 }
                // Stamped after every correction this store holds, even when this station's clock is behind the
                // one that made it: an edit made after seeing another wins over it everywhere (the causal order a
                // hybrid logical clock gives, on the store's millisecond).
                let seen = try Self.entries(of: .nameCorrected, for: reference, db).map(\.at).max()
                let at = seen.map { max(now, $0.addingTimeInterval(0.001)) } ?? now
                let entry = LogEntry(
                    at: at, reference: delegate.reference, station: station, staff: staff,
                    details: .nameCorrected(NameCorrectionDetails(before: before, after: PersonNameFields(delegate))))
                _ = try Self.insert(entry, db)
                // The name comes from the latest correction in the order every station shares: this one, unless a
                // correction merged from another station is later.
                _ = try replayName(of: delegate.reference, db)
                try Self.searchableWordsChanged(of: [delegate.reference], db)
                return (try Self.delegate(delegate.reference, db), entry)
            }
        }
    }

    /// Undoes a mistaken check-in: only at the station that made it, within `window` of it; logged as
    /// `check-in-undone`, the check-in itself staying in the log.
    /// - Throws: ``LanyardError`` `notFound`, `notPermitted` (another station's), `tooLate`, or `conflict`
    ///   (undone already).
    public func undoCheckIn(
        _ id: UUID, station: String, staff: String?, reason: String?, within window: TimeInterval, at now: Date = Date()
    ) throws -> LogEntry {
        try storeAccess {
            try writer.write { db in
                guard let row = try LogRow.filter(LogRow.Columns.id == id.uuidString).fetchOne(db), case let checkIn = try row.entry(),
                    checkIn.kind == .checkIn, let reference = checkIn.reference
                else {
                    throw LanyardError(.notFound, "There is no check-in \(id.uuidString).")
                }
                guard checkIn.station == station else {
                    throw LanyardError(
                        .notPermitted, "That check-in was made at \(checkIn.station); only that station can undo it.",
                        remedy: "Undo it there.")
                }
                guard now.timeIntervalSince(checkIn.at) <= window else {
                    throw LanyardError(
                        .tooLate, "That check-in is more than \(Int(window / 60)) minutes old and can no longer be undone.",
                        remedy: "An organiser can check the delegate out instead.")
                }
                guard try !Self.undoneCheckIns(of: reference, db).contains(id) else {
                    throw LanyardError(.conflict, "That check-in was undone already.")
                }
                let entry = LogEntry(
                    at: now, reference: reference, station: station, staff: staff,
                    details: .checkInUndone(UndoDetails(checkIn: id, reason: reason)))
                _ = try Self.insert(entry, db)
                return entry
            }
        }
    }
}
