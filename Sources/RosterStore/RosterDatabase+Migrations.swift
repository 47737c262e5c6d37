import Foundation
import GRDB
import Roster

extension RosterDatabase {
    /// The schema's history. A shipped migration is never edited; changes come as new ones.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-roster") { db in
            try db.create(table: "event") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("venue", .text).notNull()
                t.column("firstDay", .text).notNull()
                t.column("dayCount", .integer).notNull()
                t.column("timeZone", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "category") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("isLawEnforcement", .boolean).notNull()
            }
            try db.create(table: "session") { t in
                t.primaryKey("code", .text)
                t.column("day", .integer).notNull()
                t.column("start", .text).notNull()
                t.column("end", .text).notNull()
                t.column("title", .text).notNull()
                t.column("room", .text).notNull()
                t.column("capacity", .integer).notNull()
                t.column("access", .text).notNull()
            }
            try db.create(table: "delegate") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("reference", .text).notNull().unique().collate(.nocase)
                t.column("title", .text).notNull()
                t.column("givenName", .text).notNull()
                t.column("familyName", .text).notNull()
                t.column("nativeName", .text)
                t.column("organisation", .text).notNull()
                t.column("country", .text).notNull()
                t.column("category", .text).notNull()
                t.column("email", .text).notNull()
                t.column("sessions", .jsonText).notNull()
                t.column("days", .jsonText).notNull()
                t.column("status", .text).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            // Substring search over folded spellings (three letters or more) …
            try db.execute(sql: "CREATE VIRTUAL TABLE delegateSearch USING fts5(family, given, other, tokenize = 'trigram')")
            // … and an ordered index of whole words for prefixes, including one or two letters typed so far.
            try db.create(table: "searchWord", options: .withoutRowID) { t in
                t.column("word", .text).notNull()
                t.column("delegateId", .integer).notNull().references("delegate", onDelete: .cascade)
                t.primaryKey(["word", "delegateId"])
            }
            try db.create(table: "log") { t in
                t.autoIncrementedPrimaryKey("position")
                t.column("id", .text).notNull().unique()
                t.column("at", .datetime).notNull()
                t.column("kind", .text).notNull()
                t.column("reference", .text).collate(.nocase)
                t.column("station", .text).notNull()
                t.column("details", .jsonText).notNull()
            }
            try db.create(index: "logByReference", on: "log", columns: ["reference", "kind"])
            try db.create(index: "logByKind", on: "log", columns: ["kind", "at"])
            try LegacyLogDetails.createAppendOnlyTriggers(db)
        }
        migrator.registerMigration("v2-badges") { db in
            // The badge registry: each delegate's current badge serial; a reprint supersedes older serials.
            try db.create(table: "badge") { t in
                t.primaryKey("reference", .text).collate(.nocase)
                t.column("serial", .integer).notNull()
                t.column("issuedAt", .datetime).notNull()
                t.column("isRevoked", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration("v3-door-presence") { db in
            // Who is inside each door's place now: derived from the log's scans, kept in step with them in the
            // same transaction, so a door knows its occupancy without reading every scan.
            try db.create(table: "doorPresence", options: .withoutRowID) { t in
                t.column("door", .text).notNull()
                t.column("reference", .text).notNull().collate(.nocase)
                t.column("isInside", .boolean).notNull()
                t.primaryKey(["door", "reference"])
            }
            try db.create(index: "doorPresenceInside", on: "doorPresence", columns: ["door", "isInside"])
        }
        migrator.registerMigration("v4-print-queue") { db in
            // Badges on their way to a printer: one row per print request, keyed by its idempotency key, so a
            // retried request or a restart never prints a badge twice and a crash never drops one.
            try db.create(table: "printJob") { t in
                t.primaryKey("key", .text)
                t.column("reference", .text).notNull()
                t.column("station", .text).notNull()
                t.column("state", .text).notNull()
                t.column("preferredQueue", .text)
                t.column("document", .text)
                t.column("format", .text)
                t.column("serial", .integer)
                t.column("code", .text)
                t.column("queue", .text)
                t.column("cupsJobID", .integer)
                t.column("triedQueues", .jsonText).notNull()
                t.column("message", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("submittedAt", .datetime)
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(index: "printJobByState", on: "printJob", columns: ["state"])
        }
        migrator.registerMigration("v5-search-in-memory") { db in
            // Search moves into memory (``SearchIndex``), built at start-up from each delegate's folded spellings,
            // kept here so that building needs no transliteration. The SQLite indexes it replaces cost more to
            // write than the rest of an import.
            try db.drop(table: "delegateSearch")
            try db.drop(table: "searchWord")
            try db.alter(table: "delegate") { t in
                t.add(column: "searchFamily", .text).notNull().defaults(to: "")
                t.add(column: "searchGiven", .text).notNull().defaults(to: "")
                t.add(column: "searchOther", .text).notNull().defaults(to: "")
            }
            let folder = NameFolder()
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, reference, familyName, givenName, nativeName, email, organisation, country FROM delegate")
            for row in rows { try foldAgain(row, with: folder, in: db) }
            // Bumped by every change to the roster, so that an index built earlier knows it is stale.
            try db.create(table: "rosterRevision") { t in
                t.column("value", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO rosterRevision (value) VALUES (1)")
        }
        migrator.registerMigration("v6-typed-log") { db in
            // The log's details become typed records (``LogDetails``): numbers and booleans where strings were, the
            // day an arrival counts for, a revocation's reason. Rewriting them is the one edit the log ever gets.
            try LegacyLogDetails.rewrite(db)
            try db.alter(table: "badge") { t in
                t.add(column: "revocationReason", .text)
            }
            try db.execute(sql: "UPDATE badge SET revocationReason = 'revoked' WHERE isRevoked")
            try db.alter(table: "badge") { t in t.drop(column: "isRevoked") }
            try db.alter(table: "delegate") { t in t.add(column: "fullName", .text) }
            // When the scan that set each presence happened: a scan replayed or uploaded late never overrides a
            // newer one.
            try db.alter(table: "doorPresence") { t in t.add(column: "at", .datetime) }
            try db.alter(table: "printJob") { t in t.add(column: "reason", .text) }
        }
        migrator.registerMigration("v7-staff-and-desk") { db in
            // Who did what: staff accounts and roles, their sessions and machine tokens (only hashes of secrets are
            // kept), and the member of staff on every log entry.
            try db.create(table: "staff") { t in
                t.primaryKey("name", .text).collate(.nocase)
                t.column("role", .text).notNull()
                t.column("passwordHash", .text).notNull()
                t.column("mustChangePassword", .boolean).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("revokedAt", .datetime)
            }
            try db.create(table: "staffCredential") { t in
                t.primaryKey("secretHash", .text)
                t.column("staff", .text).notNull().collate(.nocase)
                t.column("kind", .text).notNull()  // session or token
                t.column("csrf", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("expiresAt", .datetime)
                t.column("revokedAt", .datetime)
            }
            try db.create(index: "staffCredentialByStaff", on: "staffCredential", columns: ["staff"])
            try db.alter(table: "log") { t in t.add(column: "staff", .text) }
            // A request made again with the same nonce answers the first one's result (a retried check-in).
            try db.create(table: "requestNonce") { t in
                t.primaryKey("nonce", .text)
                t.column("kind", .text).notNull()
                t.column("result", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            // Notes that stop a delegate's check-in until staff acknowledge them.
            try db.create(table: "delegateFlag") { t in
                t.primaryKey("id", .text)
                t.column("reference", .text).notNull().collate(.nocase)
                t.column("note", .text).notNull()
                t.column("setAt", .datetime).notNull()
                t.column("acknowledgedAt", .datetime)
            }
            try db.create(index: "delegateFlagByReference", on: "delegateFlag", columns: ["reference"])
            // Walk-ins are registered on site; a name corrected at a desk is kept over later imports.
            try db.alter(table: "delegate") { t in
                t.add(column: "isWalkIn", .boolean).notNull().defaults(to: false)
                t.add(column: "isNameCorrected", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration("v8-print-requester") { db in
            // Who asked for a badge, recorded on the badge-issued entry when the job issues it.
            try db.alter(table: "printJob") { t in t.add(column: "staff", .text) }
        }
        migrator.registerMigration("v9-sync") { db in
            // How far a station has pushed its own entries to its hub and pulled the hub's log.
            try db.create(table: "syncCursor") { t in
                t.primaryKey("name", .text)
                t.column("position", .integer).notNull()
            }
            // The hub a station joined, and the name the hub knows it by (every entry made here carries it).
            try db.create(table: "syncIdentity") { t in
                t.column("station", .text).notNull()
                t.column("hub", .text).notNull()
            }
        }
        migrator.registerMigration("v10-upstream") { db in
            // What the hub last pulled from the registration system, for conditional requests (ETag,
            // Last-Modified) and for the organisers.
            try db.create(table: "upstreamPull") { t in
                t.primaryKey("source", .text)
                t.column("etag", .text)
                t.column("lastModified", .text)
                t.column("checkedAt", .datetime).notNull()
                t.column("outcome", .jsonText).notNull()
            }
        }
        migrator.registerMigration("v11-hub-doors") { db in
            // The doors the hub handed a joining station (JSON), used when the station configures none of its own.
            try db.alter(table: "syncIdentity") { t in t.add(column: "doors", .blob) }
        }
        migrator.registerMigration("v12-search-index") { db in
            // The search index as the last process that built it left it, in parts, for the roster revision it was
            // built for: a station or a one-shot search loads it rather than building it again.
            try db.create(table: "searchIndex") { t in
                t.primaryKey("part", .integer)
                t.column("revision", .integer).notNull()
                t.column("body", .blob).notNull()
            }
        }
        migrator.registerMigration("v13-log-sequence") { db in
            // Each station numbers the entries it makes; the entries stored before keep none.
            try db.alter(table: "log") { t in t.add(column: "sequence", .integer) }
            try db.create(index: "logByStationSequence", on: "log", columns: ["station", "sequence"])
        }
        migrator.registerMigration("v14-imported-roster-revision") { db in
            // The revision a hub's stations compare moves only with imports: they take walk-ins and corrected names
            // from the log, rather than the whole roster again.
            try db.alter(table: "rosterRevision") { t in t.add(column: "imported", .integer).notNull().defaults(to: 0) }
            try db.execute(sql: "UPDATE rosterRevision SET imported = value")
        }
        migrator.registerMigration("v15-staff-changed-at") { db in
            // When an account last changed, so that hubs sharing a database let the latest change win.
            try db.alter(table: "staff") { t in t.add(column: "changedAt", .datetime) }
            try db.execute(sql: "UPDATE staff SET changedAt = COALESCE(revokedAt, createdAt)")
        }
        migrator.registerMigration("v16-roster-import-changes") { db in
            // The registrations an import changed since a hub's copy was last the event's roster.
            try db.create(table: "rosterImportChange") { t in t.primaryKey("reference", .text).collate(.nocase) }
        }
        migrator.registerMigration("v17-georgian-capitals") { db in
            // Names (and organisations) in Georgian capitals (Mtavruli) were folded with those letters left as they
            // were, so their Latin spellings found nobody: fold them again, and let the search index be built again.
            try foldAgain(in: db) { row in
                let texts: [String?] = [row["familyName"], row["givenName"], row["fullName"], row["nativeName"], row["organisation"]]
                return texts.contains(where: { $0?.unicodeScalars.contains(where: NameFolder.isGeorgianCapital) == true })
            }
        }
        migrator.registerMigration("v18-badge-romanisations") { db in
            // Cyrillic names from Belarus, Serbia, Montenegro, Bosnia, North Macedonia and Bulgaria were folded
            // without the Latin spelling their badges print: fold them again with it.
            try foldAgain(in: db) { row in
                let country: String = row["country"] ?? ""
                let names: [String?] = [row["familyName"], row["givenName"], row["fullName"]]
                return names.contains(where: { $0.map { Transliteration.hasOwnRomanisation($0, country: country) } ?? false })
            }
        }
        migrator.registerMigration("v19-search-index-file") { db in
            // The search index moves into a file of its own beside the store (SearchIndexFile), written once rather
            // than through the store's log and checkpoint; the store records only which file holds the current one.
            try db.drop(table: "searchIndex")
            try db.create(table: "searchIndexFile") { t in
                t.column("revision", .integer).notNull()
                t.column("key", .integer).notNull()
            }
        }
        migrator.registerMigration("v20-passport-romanisation") { db in
            // Cyrillic was folded without the spelling passports print (Шамрай: shamrai): fold it again with it.
            try foldAgain(in: db) { row in
                let texts: [String?] = [row["familyName"], row["givenName"], row["fullName"], row["nativeName"], row["organisation"]]
                return texts.contains(where: { $0.map { Script.dominant(in: $0) == .cyrillic } ?? false })
            }
        }
        migrator.registerMigration("v21-search-stamps") { db in
            // The roster revision at which a walk-in, a name correction or a merged entry last changed a delegate's
            // searchable words (0: none since their import), so that a station adds those delegates to the index it
            // holds rather than building it again; and how many imports the stored index had seen.
            try db.alter(table: "delegate") { t in t.add(column: "searchStamp", .integer).notNull().defaults(to: 0) }
            try db.execute(sql: "CREATE INDEX delegate_searchStamp ON delegate(searchStamp) WHERE searchStamp > 0")
            try db.alter(table: "searchIndexFile") { t in t.add(column: "imported", .integer) }
        }
        return migrator
    }

    /// Folds again the delegates whose row `needsIt`, and when there were any, moves the roster's revision so that a
    /// search index stored before is built again (or, from v21 on, has those delegates added to it).
    private static func foldAgain(in db: Database, where needsIt: (Row) -> Bool) throws {
        let folder = NameFolder()
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, reference, familyName, givenName, fullName, nativeName, email, organisation, country FROM delegate")
        var folded: [String] = []
        for row in rows where needsIt(row) {
            try foldAgain(row, with: folder, in: db)
            folded.append(row["reference"])
        }
        guard !folded.isEmpty else { return }
        if try db.columns(in: "delegate").contains(where: { $0.name == "searchStamp" }) {
            try searchableWordsChanged(of: folded, db)
        } else {
            try db.execute(sql: "UPDATE rosterRevision SET value = value + 1")
        }
    }

    /// Folds a delegate's row (its id, reference, names, email, organisation and country) into its search columns
    /// again.
    private static func foldAgain(_ row: Row, with folder: NameFolder, in db: Database) throws {
        let document = SearchDocument(
            reference: row["reference"], familyName: row["familyName"], givenName: row["givenName"], fullName: row["fullName"],
            nativeName: row["nativeName"], email: row["email"], organisation: row["organisation"],
            country: row["country"] ?? "", folder: folder)
        try db.execute(
            sql: "UPDATE delegate SET searchFamily = ?, searchGiven = ?, searchOther = ? WHERE id = ?",
            arguments: [
                document.familyText, document.givenText,
                document.otherText, row["id"],
            ])
    }
}
