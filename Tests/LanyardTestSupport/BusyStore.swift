import Badges
public import Foundation
import Logging
import Roster
import RosterStore
public import Station

/// What the locked-store tests need: delegates who arrived today with their badges, and a large roster file for
/// another process to import meanwhile.
public enum BusyStore {
    /// Today's date in London, the sample conference's zone: the event must be on for a door deciding now.
    public static var today: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// Checks in `count` confirmed delegates of day 1 now and issues their badges; returns the badges' codes.
    public static func arrivals(_ count: Int, at station: Station) throws -> [String] {
        let database = station.database
        return try database.delegates().filter { $0.status == .confirmed && $0.days.contains(1) }.prefix(count).map { delegate in
            _ = try database.checkIn(reference: delegate.reference, station: "desk-1")
            let issue = try database.nextBadges(for: [delegate.reference])[0]
            let token = try station.desk.sign(issue, at: Date())
            try database.recordBadgeIssues([issue], station: "desk-1")
            return token.text
        }
    }

    /// A roster file of `rows` new delegates, in Lanyard's format.
    public static func rosterFile(rows: Int, in folder: URL) throws -> URL {
        var text = "reference,first_name,last_name,organisation,country,category,days\n"
        text.reserveCapacity(rows * 60)
        for number in 0..<rows {
            text += "SYN-\(String(format: "%07d", number)),Name\(number % 977),Family\(number % 1013),Organisation,DE,DEL,1;2;3\n"
        }
        let url = folder.appendingPathComponent("import-\(rows).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
