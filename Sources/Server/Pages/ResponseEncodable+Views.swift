import Attendance
public import Hummingbird
import PrintQueue
import Roster
import RosterStore
import Station

// The station's views and records, answered as JSON with the context's encoder: one set of encodable views for the
// command line and the API alike.
extension SearchHitView: ResponseEncodable {}
extension DelegateCard: ResponseEncodable {}
extension CheckInView: ResponseEncodable {}
extension RevocationView: ResponseEncodable {}
extension EventView: ResponseEncodable {}
extension KioskCard: ResponseEncodable {}
extension Station.GroupCheckIn: ResponseEncodable {}
extension PrintJob: ResponseEncodable {}
extension LogEntry: ResponseEncodable {}
extension DelegateFlag: ResponseEncodable {}
extension QueueState: ResponseEncodable {}
extension Roster.Category: ResponseEncodable {}
extension ScanView: ResponseEncodable {}
extension DoorView: ResponseEncodable {}
extension DashboardView: ResponseEncodable {}
extension AttendeeList: ResponseEncodable {}
