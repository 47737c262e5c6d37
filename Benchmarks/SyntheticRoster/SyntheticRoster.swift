import DelimitedText
import Foundation
import Roster
import SampleConference

/// A large, realistic roster for benchmarks: names, organisations and scripts recombined from the sample
/// conference, deterministic for a given seed.
public struct SyntheticRoster: Sendable {
    private let rows: [[String]]
    private let header: [String]

    /// Loads the sample conference's delegates as material.
    public init() throws {
        let table = try DelimitedTable(contentsOf: SampleConference.delegatesURL)
        header = table.header
        rows = table.records.map(\.fields)
    }

    /// A CSV roster (Lanyard's format) of `count` delegates: each row takes the given name of one sample delegate
    /// and the family name of another from the same country, with references `SYN-0000001` onwards.
    public func csv(count: Int, seed: UInt64 = 42) -> String {
        var generator = SplitMix64(seed: seed)
        let byCountry = Dictionary(grouping: rows, by: { $0[6] })
        var csv = CSVWriter(header: header)
        for number in 1...max(count, 1) {
            let template = rows[Int(generator.next() % UInt64(rows.count))]
            let peers = byCountry[template[6]] ?? [template]
            let family = peers[Int(generator.next() % UInt64(peers.count))]
            var row = template
            row[0] = String(format: "SYN-%07d", number)
            row[3] = family[3]
            row[4] = ""
            row[11] = generator.next() % 50 == 0 ? "cancelled" : "confirmed"
            csv.append(row)
        }
        return csv.text
    }

    /// Realistic desk queries over a roster from ``csv(count:seed:)``: a few letters of a family name, a full
    /// name, a name in another script or with a typo, a reference.
    public func queries(count: Int, rosterSize: Int, seed: UInt64 = 7) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { index in
            let row = rows[Int(generator.next() % UInt64(rows.count))]
            let family = row[3], given = row[2]
            switch index % 6 {
            case 0: return String(family.prefix(3))
            case 1: return String(family.prefix(5))
            case 2: return "\(given) \(family)"
            case 3: return family.count >= 6 ? String(family.dropLast(2)) + String(family.suffix(2).reversed()) : family
            case 4: return String(format: "SYN-%07d", Int(generator.next() % UInt64(max(rosterSize, 1))) + 1)
            default: return String(given.prefix(2))
            }
        }
    }
}
