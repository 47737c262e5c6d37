public import Foundation
import GRDB
public import Roster

extension RosterDatabase {
    /// Adds a print request, or returns the one already made with the same key (a retried request).
    /// - Returns: The job, and whether this call created it.
    public func enqueuePrint(_ job: PrintJob) throws -> (PrintJob, isNew: Bool) {
        try storeAccess {
            try writer.write { db in
                if let existing = try PrintJobRecord.fetchOne(db, key: job.key) { return (existing.job, false) }
                try PrintJobRecord(job).insert(db)
                return (job, true)
            }
        }
    }

    /// Saves a job's new state durably.
    public func updatePrint(_ job: PrintJob) throws {
        try storeAccess { try writer.write { db in try PrintJobRecord(job).update(db) } }
    }

    /// The job with `key`.
    public func printJob(_ key: String) throws -> PrintJob? {
        try storeAccess { try writer.read { db in try PrintJobRecord.fetchOne(db, key: key)?.job } }
    }

    /// Jobs not printed yet, oldest first: what the spooler works on, and resumes after a restart.
    public func unfinishedPrintJobs() throws -> [PrintJob] {
        try storeAccess {
            try writer.read { db in
                try PrintJobRecord.filter(Column("state") != PrintJob.State.printed.rawValue).order(Column("createdAt")).fetchAll(db).map(\.job)
            }
        }
    }
}
