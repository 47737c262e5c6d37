import Foundation
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

    /// Saves a job's new state durably, in one transaction with the badge it now carries (`issuing`, recorded
    /// only once it has been rendered) and, when the job has just ended, its `print` log entry.
    /// - Throws: ``LanyardError`` `conflict` when `issuing` lost a race with another badge issue.
    public func updatePrint(_ job: PrintJob, issuing: BadgeIssue? = nil) throws {
        try storeAccess {
            try writer.write { db in
                let before = try PrintJobRecord.fetchOne(db, key: job.key)?.job
                if let issuing { try Self.record([issuing], station: job.station, staff: job.staff, at: job.updatedAt, db) }
                try PrintJobRecord(job).save(db)
                guard job.state.isFinished, before?.state.isFinished != true else { return }
                let details = PrintDetails(
                    key: job.key, outcome: job.state == .printed ? .printed : .failed, queue: job.queue, serial: job.serial,
                    message: job.state == .failed ? job.message : nil)
                _ = try Self.insert(LogEntry(at: job.updatedAt, reference: job.reference, station: job.station, details: .print(details)), db)
            }
        }
    }

    /// The job with `key`.
    public func printJob(_ key: String) throws -> PrintJob? {
        try storeAccess { try writer.read { db in try PrintJobRecord.fetchOne(db, key: key)?.job } }
    }

    /// A delegate's print jobs, oldest first: the desk's print history.
    public func printJobs(for reference: String) throws -> [PrintJob] {
        try storeAccess {
            try writer.read { db in
                try PrintJobRecord.filter(Column("reference") == reference).order(Column("createdAt")).fetchAll(db).map(\.job)
            }
        }
    }

    /// Jobs not finished yet, oldest first: what the spooler works on, and resumes after a restart.
    public func unfinishedPrintJobs() throws -> [PrintJob] {
        try storeAccess {
            try writer.read { db in
                try PrintJobRecord
                    .filter(![PrintJob.State.printed.rawValue, PrintJob.State.failed.rawValue].contains(Column("state")))
                    .order(Column("createdAt")).fetchAll(db).map(\.job)
            }
        }
    }
}
