import Roster
import RosterStore
import Testing

/// The narrow read the dashboard counts from: the same delegates, order and days as the whole roster gives.
@Suite struct AttendanceReadTests {
    @Test func theNarrowAttendanceReadGivesTheConfirmedDelegatesInTheRostersOrderWithTheirDays() throws {
        let database = SampleRoster.shared
        let whole = try database.delegates().filter { $0.status == .confirmed }
        let narrow = try database.confirmedForAttendance()
        #expect(narrow.revision == (try database.rosterRevision()))
        #expect(narrow.delegates.count == whole.count && whole.count > 1_000)
        #expect(narrow.delegates.map(\.reference) == whole.map(\.reference))
        #expect(narrow.delegates.map(\.category) == whole.map(\.category))
        #expect(narrow.delegates.map(\.country) == whole.map(\.country))
        #expect(narrow.delegates.map(\.dayBits) == whole.map { $0.days.reduce(UInt64(0)) { $0 | 1 << UInt64($1) } })
        #expect(Set(narrow.delegates.map(\.dayBits)).count > 1, "the sample's delegates come on different days")
    }
}
