import Foundation
import Roster
import Testing

/// The one order every station gives the merged log: time, then station, then the station's sequence number, then id.
@Suite struct LogOrderTests {
    static func entry(_ millisecond: Int, _ station: String, _ sequence: Int64?, id: String) -> LogEntry {
        LogEntry(
            id: UUID(uuidString: id)!, at: Date(timeIntervalSince1970: 1_800_000_000 + Double(millisecond) / 1_000), reference: "R-1",
            station: station, sequence: sequence, details: .checkOut(CheckOutDetails(day: 1)))
    }

    static let low = "00000000-0000-0000-0000-000000000001"
    static let high = "FFFFFFFF-0000-0000-0000-000000000001"

    @Test(arguments: [
        (entry(1, "desk-2", 9, id: high), entry(2, "desk-1", 1, id: low), "the earlier time first"),
        (entry(1, "desk-1", 9, id: high), entry(1, "desk-2", 1, id: low), "at one time, by station"),
        (entry(1, "desk-1", 1, id: high), entry(1, "desk-1", 2, id: low), "one station at one time: its own order, not the ids'"),
        (entry(1, "desk-1", nil, id: high), entry(1, "desk-1", 1, id: low), "an entry made before numbering first"),
        (entry(1, "desk-1", nil, id: low), entry(1, "desk-1", nil, id: high), "otherwise by id"),
    ])
    func entriesFollowTimeThenStationThenTheStationsOwnOrder(first: LogEntry, second: LogEntry, why: String) {
        #expect(LogOrder.precedes(first, second), "\(why)")
        #expect(!LogOrder.precedes(second, first), "\(why)")
    }
}
