public import Roster

/// The confirmed part of the roster reduced to what attendance counts (category, country, days), in flat arrays:
/// built once per roster revision, so that figures asked for several times a second over 100,000 delegates cost
/// integer counting, not a walk through every delegate's record.
public struct RosterTally: Sendable {
    /// Confirmed delegates' references, in the order of the delegates given (the roster's: by family name).
    let references: [String]
    /// Each delegate's category and country, as indices into ``categoryCodes`` and ``countryCodes``.
    let categoryIndices: [Int32]
    let countryIndices: [Int32]
    /// Each delegate's days as bits (bit 1 is day 1).
    let dayBits: [UInt64]
    let categoryCodes: [String]
    let countryCodes: [String]
    let indexByReference: [String: Int]

    public init(_ delegates: [Delegate]) {
        self.init(
            confirmed: delegates.filter { $0.status == .confirmed }.map { delegate in
                (delegate.reference, delegate.category, delegate.country, delegate.days.reduce(0) { $0 | ($1 >= 0 && $1 < 64 ? 1 << UInt64($1) : 0) })
            })
    }

    /// From confirmed delegates already reduced (as the store reads them without decoding whole records), in the
    /// roster's order; days as bits (bit 1 is day 1).
    public init(confirmed: [(reference: String, category: String, country: String, dayBits: UInt64)]) {
        var categories: [String: Int32] = [:], countries: [String: Int32] = [:]
        var categoryCodes: [String] = [], countryCodes: [String] = []
        references = confirmed.map(\.reference)
        categoryIndices = confirmed.map { Self.index(of: $0.category, in: &categories, codes: &categoryCodes) }
        countryIndices = confirmed.map { Self.index(of: $0.country, in: &countries, codes: &countryCodes) }
        dayBits = confirmed.map(\.dayBits)
        self.categoryCodes = categoryCodes
        self.countryCodes = countryCodes
        indexByReference = Dictionary(references.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether delegate `index` is expected on `day` (or at all, when nil).
    func isExpected(_ index: Int, on day: Int?) -> Bool {
        guard let day else { return true }
        return day >= 0 && day < 64 && dayBits[index] & (1 << UInt64(day)) != 0
    }

    private static func index(of code: String, in known: inout [String: Int32], codes: inout [String]) -> Int32 {
        if let index = known[code] { return index }
        let index = Int32(codes.count)
        known[code] = index
        codes.append(code)
        return index
    }
}
