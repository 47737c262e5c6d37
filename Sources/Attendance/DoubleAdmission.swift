public import Foundation
public import Roster

/// A badge admitted into a place while the merged log already had its holder inside: what two doors cut off from
/// each other (a partition) can both do, found once their logs meet. Organisers follow each one up.
public struct DoubleAdmission: Codable, Sendable, Equatable {
    public var reference: String
    /// The place (session code or area) both admitted into.
    public var place: String
    /// The admission that let them in first, and the one that admitted them again while inside.
    public var first: Admission
    public var second: Admission

    /// One admitted scan: where and when.
    public struct Admission: Codable, Sendable, Equatable {
        public var scan: UUID
        public var at: Date
        public var station: String
    }

    /// The double admissions in `log`: an admitted scan in while the holder was inside the place by an admitted
    /// scan at another station, in the merged log's order (annulled scans count for nothing). A door that admitted
    /// with a warning (anti-passback `warn`) at the same station is its steward's decision, not a partition's.
    public static func find(in log: [LogEntry]) -> [DoubleAdmission] {
        let annulled = Set(log.compactMap { if case .scanAnnulled(let annulment) = $0.details { annulment.scan } else { nil } })
        var inside: [[String]: Admission] = [:]
        var found: [DoubleAdmission] = []
        for entry in log.sorted(by: { LogOrder.precedes($0, $1) }) {
            guard let reference = entry.reference, let scan = entry.details.scan, scan.isPassage, !annulled.contains(entry.id) else { continue }
            let key = [reference.uppercased(), scan.door]
            guard scan.direction == .in else {
                inside[key] = nil
                continue
            }
            let admission = Admission(scan: entry.id, at: entry.at, station: entry.station)
            if let first = inside[key], first.station != entry.station {
                found.append(DoubleAdmission(reference: reference, place: scan.door, first: first, second: admission))
            }
            inside[key] = admission
        }
        return found
    }
}
