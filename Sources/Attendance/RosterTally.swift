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
        var references: [String] = [], categoryIndices: [Int32] = [], countryIndices: [Int32] = [], dayBits: [UInt64] = []
        var categories: [String: Int32] = [:], countries: [String: Int32] = [:]
        var categoryCodes: [String] = [], countryCodes: [String] = []
        for delegate in delegates where delegate.status == .confirmed {
            references.append(delegate.reference)
            categoryIndices.append(Self.index(of: delegate.category, in: &categories, codes: &categoryCodes))
            countryIndices.append(Self.index(of: delegate.country, in: &countries, codes: &countryCodes))
            dayBits.append(delegate.days.reduce(0) { $0 | ($1 >= 0 && $1 < 64 ? 1 << UInt64($1) : 0) })
        }
        self.references = references
        self.categoryIndices = categoryIndices
        self.countryIndices = countryIndices
        self.dayBits = dayBits
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
