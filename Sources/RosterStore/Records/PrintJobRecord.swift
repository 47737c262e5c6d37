import Foundation
import GRDB
import Roster

/// A row of the `printJob` table.
struct PrintJobRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "printJob"

    var key: String
    var reference: String
    var station: String
    var staff: String?
    var state: String
    var preferredQueue: String?
    var reason: String?
    var document: String?
    var format: String?
    var serial: Int?
    var code: String?
    var queue: String?
    var cupsJobID: Int?
    var triedQueues: [String]
    var message: String?
    var createdAt: Date
    var submittedAt: Date?
    var updatedAt: Date

    init(_ job: PrintJob) {
        key = job.key
        reference = job.reference
        station = job.station
        staff = job.staff
        state = job.state.rawValue
        preferredQueue = job.preferredQueue
        reason = job.reason
        document = job.document
        format = job.format
        serial = job.serial
        code = job.code
        queue = job.queue
        cupsJobID = job.cupsJobID
        triedQueues = job.triedQueues
        message = job.message
        createdAt = job.createdAt
        submittedAt = job.submittedAt
        updatedAt = job.updatedAt
    }

    var job: PrintJob {
        var job = PrintJob(
            key: key, reference: reference, station: station, staff: staff, preferredQueue: preferredQueue, reason: reason, at: createdAt)
        job.state = PrintJob.State(rawValue: state) ?? .queued
        job.document = document
        job.format = format
        job.serial = serial
        job.code = code
        job.queue = queue
        job.cupsJobID = cupsJobID
        job.triedQueues = triedQueues
        job.message = message
        job.submittedAt = submittedAt
        job.updatedAt = updatedAt
        return job
    }
}
