import DelimitedText
import Foundation
import SampleConference

/// A large, realistic roster for benchmarks, with names of its own: every name is made of random syllables in its
/// country's script and letters (``NamingStyle``), so no benchmark runs on the sample conference's names the code was
/// tuned on. Countries, categories and the programme follow the sample conference's spread. Deterministic for a seed.
public struct SyntheticRoster: Sendable {
    /// Lanyard's roster columns.
    public static let header = [
        "reference", "title", "first_name", "last_name", "native_name", "organisation", "country", "category", "email", "sessions",
        "days", "status",
    ]
    /// How every generated reference starts.
    public static let referencePrefix = "BEN-"

    /// The reference of the `number`th generated delegate, from 1.
    public static func reference(_ number: Int) -> String { referencePrefix + String(format: "%07d", number) }

    private let countries: [String]
    private let categories: [String]
    private let sessions: [(code: String, day: String)]

    /// Reads the sample conference's countries, categories and programme (never its names).
    public init() throws {
        let sample = try DelimitedTable(contentsOf: SampleConference.delegatesURL).records.map(\.fields)
        countries = sample.map { $0[6] }
        categories = sample.map { $0[7] }
        sessions = try DelimitedTable(contentsOf: SampleConference.sessionsURL).records.map { ($0.fields[0], $0.fields[1]) }
    }

    /// `count` delegates, references ``reference(_:)`` 1 onwards.
    public func delegates(count: Int, seed: UInt64 = 42) -> [SyntheticDelegate] {
        var generator = SplitMix64(seed: seed)
        let titles = ["", "", "Dr", "Mr", "Ms", "Insp.", "Prof.", "Cmdr"]
        let agencies = [
            "Police", "Border Guard", "Customs Service", "Ministry of Interior", "Prosecutor's Office", "Financial Intelligence Unit",
            "Analytics", "Security", "Gendarmerie", "Coast Guard",
        ]
        return (1...max(count, 1)).map { number in
            let country = countries.randomElement(using: &generator)!
            let style = NamingStyle.of(country)
            let given = SyntheticName(style, syllables: 2 + Int(generator.next() % 2), ending: false, using: &generator)
            let family = SyntheticName(
                style, syllables: 2 + Int(generator.next() % 3), ending: generator.next() % 100 < 60, using: &generator)
            let place = SyntheticName(style, syllables: 2 + Int(generator.next() % 2), ending: false, using: &generator)
            let chosen = (0..<(2 + Int(generator.next() % 3))).map { _ in sessions.randomElement(using: &generator)! }
            let codes = Set(chosen.map(\.code)).sorted(), days = Set(chosen.map(\.day)).sorted()
            return SyntheticDelegate(
                reference: Self.reference(number), given: given, family: family,
                nativeScript: !style.isLatin && generator.next() % 2 == 0, hasOtherScript: !style.isLatin,
                fields: (
                    titles.randomElement(using: &generator)!, "\(place.latin) \(agencies.randomElement(using: &generator)!)", country,
                    categories.randomElement(using: &generator)!, codes.joined(separator: ";"), days.joined(separator: ";"),
                    generator.next() % 50 == 0 ? "cancelled" : "confirmed"
                ))
        }
    }

    /// A CSV roster (Lanyard's format) of `count` delegates from ``delegates(count:seed:)``.
    public func csv(count: Int, seed: UInt64 = 42) -> String {
        var csv = CSVWriter(header: Self.header)
        for delegate in delegates(count: count, seed: seed) { csv.append(delegate.row) }
        return csv.text
    }
}
