import BadgeRendering
import Badges
public import Foundation
import PrintQueue
public import Roster
public import RosterStore

extension Station {
    /// How long after a check-in the desk that made it may undo it.
    public static let undoWindow: TimeInterval = 10 * 60

    /// A delegate registering on site.
    public struct WalkIn: Codable, Sendable {
        public var reference: String?
        public var title: String?
        public var givenName: String
        public var familyName: String
        public var nativeName: String?
        public var organisation: String?
        public var country: String?
        public var category: String
        public var email: String?
        /// Event days the badge is valid on; all days when empty.
        public var days: [Int]?
        /// Makes the registration idempotent: the same nonce again answers the first registration.
        public var nonce: String?

        public init(
            reference: String? = nil, title: String? = nil, givenName: String, familyName: String, nativeName: String? = nil,
            organisation: String? = nil, country: String? = nil, category: String, email: String? = nil, days: [Int]? = nil,
            nonce: String? = nil
        ) {
            self.reference = reference
            self.title = title
            self.givenName = givenName
            self.familyName = familyName
            self.nativeName = nativeName
            self.organisation = organisation
            self.country = country
            self.category = category
            self.email = email
            self.days = days
            self.nonce = nonce
        }
    }

    /// Registers a walk-in: a new delegate, recorded as such, with a `WALKIN-0001` reference unless one is given.
    /// - Throws: ``LanyardError`` `invalidInput` for a missing name, an unknown category, a day outside the event or
    ///   a country that is not ISO alpha-2; `alreadyExists` for a reference in use.
    public func registerWalkIn(_ walkIn: WalkIn, by staff: String? = nil) async throws -> DelegateCard {
        let nonce = walkIn.nonce
        for (text, field) in [
            (walkIn.title, "title"), (walkIn.givenName, "given name"), (walkIn.familyName, "family name"), (walkIn.nativeName, "native name"),
            (walkIn.organisation, "organisation"), (walkIn.email, "e-mail address"),
        ] {
            try FieldLimit.check(text, field)
        }
        let (station, event) = (name, event)
        let entry = try await store { database in
            let name = (PersonName.collapsingWhitespace(walkIn.givenName), PersonName.collapsingWhitespace(walkIn.familyName))
            guard !name.0.isEmpty || !name.1.isEmpty else { throw LanyardError(.invalidInput, "A walk-in needs a name.") }
            guard try database.categories().contains(where: { $0.code == walkIn.category }) else {
                throw LanyardError(.invalidInput, "There is no category “\(walkIn.category)”.")
            }
            let days = walkIn.days.flatMap { $0.isEmpty ? nil : $0 } ?? Array(1...event.dayCount)
            guard days.allSatisfy({ (1...event.dayCount).contains($0) }) else {
                throw LanyardError(.invalidInput, "A walk-in's days run from 1 to \(event.dayCount).")
            }
            let country = walkIn.country?.uppercased() ?? ""
            guard country.isEmpty || (country.count == 2 && country.allSatisfy(\.isLetter)) else {
                throw LanyardError(.invalidInput, "“\(country)” is not an ISO 3166-1 alpha-2 country code.")
            }
            let given = walkIn.reference.flatMap { $0.isEmpty ? nil : $0 }
            let delegate = Delegate(
                reference: given ?? "", title: walkIn.title ?? "", givenName: name.0, familyName: name.1,
                nativeName: walkIn.nativeName.flatMap { $0.isEmpty ? nil : $0 }, organisation: walkIn.organisation ?? "",
                country: country, category: walkIn.category, email: walkIn.email ?? "", days: days.sorted())
            return try database.registerWalkIn(delegate, numbering: given == nil, nonce: nonce, station: station, staff: staff)
        }
        events.publish(.entry(entry))
        return try await card(entry.reference ?? "")
    }

    /// Corrects a delegate's name (kept over later imports); the badge in force keeps the old spelling until
    /// it is reprinted.
    public func correctName(_ reference: String, to name: PersonNameFields, by staff: String? = nil) async throws -> DelegateCard {
        guard !name.givenName.trimmingCharacters(in: .whitespaces).isEmpty || !name.familyName.trimmingCharacters(in: .whitespaces).isEmpty
        else { throw LanyardError(.invalidInput, "A name cannot be empty.") }
        for (text, field) in [
            (name.title, "title"), (name.givenName, "given name"), (name.familyName, "family name"), (name.nativeName, "native name"),
        ] {
            try FieldLimit.check(text, field)
        }
        let station = self.name
        let cleaned = PersonNameFields(
            title: PersonName.collapsingWhitespace(name.title), givenName: PersonName.collapsingWhitespace(name.givenName),
            familyName: PersonName.collapsingWhitespace(name.familyName),
            nativeName: name.nativeName.map(PersonName.collapsingWhitespace))
        let (_, entry) = try await store { try $0.correctName(of: reference, to: cleaned, station: station, staff: staff) }
        events.publish(.entry(entry))
        return try await card(reference)
    }

    /// Undoes a mistaken check-in made at this station within the last ten minutes; it stays in the log and no
    /// longer counts. The badge it asked for is not printed if it has not been yet, and is revoked if it has: the
    /// wrong person's badge must not open doors.
    public func undoCheckIn(_ id: UUID, reason: String?, by staff: String? = nil) async throws -> LogEntry {
        try FieldLimit.check(reason, "reason")
        let station = name
        let entry = try await store { try $0.undoCheckIn(id, station: station, staff: staff, reason: reason, within: Self.undoWindow) }
        events.publish(.entry(entry))
        let key = "checkin-\(id.uuidString)"
        await printWorker.withdraw(key, reason: "not printed: the check-in was undone")
        let issued = try await store { database -> IssuedBadge? in
            guard let job = try database.printJob(key), let serial = job.serial,
                let badge = try database.currentBadge(for: job.reference), Int(badge.serial) == serial, !badge.isRevoked
            else { return nil }
            return badge
        }
        if let issued {
            let why = "printed for a check-in that was undone" + (reason.map { ": \($0)" } ?? "")
            _ = try await revokeBadge(issued.reference, reason: String(why.prefix(FieldLimit.characters)), by: staff)
        }
        return entry
    }

    /// Flags a delegate: their next check-in stops until staff acknowledge `note`.
    public func flag(_ reference: String, note: String, by staff: String? = nil) async throws -> DelegateFlag {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty, note.count <= 500 else { throw LanyardError(.invalidInput, "A flag needs a note of 1 to 500 characters.") }
        let station = name
        let flag = try await store { try $0.flag(reference, note: note, station: station, staff: staff) }
        if let entry = try await store({ try $0.logEntries(kind: .flagged, reference: flag.reference).last }) {
            events.publish(.entry(entry))
        }
        return flag
    }

    /// A PNG preview of `reference`'s badge with `name` in place of the registered name (a correction before it
    /// is saved): the layout as it will print, with a stand-in QR code of a real one's size.
    public func badgePreview(_ reference: String, name: PersonNameFields?, template: String?) async throws -> Data {
        let studio = studio
        return try await store { database in
            var delegate = try database.delegate(reference)
            if let name {
                (delegate.title, delegate.givenName, delegate.familyName) = (name.title, name.givenName, name.familyName)
                (delegate.fullName, delegate.nativeName) = (nil, name.nativeName.flatMap { $0.isEmpty ? nil : $0 })
            }
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-preview-\(UUID().uuidString).png")
            defer { try? FileManager.default.removeItem(at: url) }
            let code = "LY1:" + String(repeating: "0", count: 143)
            try BadgeRenderer(template: try BadgeStudio.template(named: template)).render(
                try studio.content(delegate, code), format: .png(dpi: 150), to: url)
            return try Data(contentsOf: url)
        }
    }

    /// The delegates of a group (a head of delegation collecting their badges): those named, or every confirmed
    /// delegate of an organisation or a country.
    public struct Group: Codable, Sendable {
        public var references: [String]?
        public var organisation: String?
        public var country: String?

        public init(references: [String]? = nil, organisation: String? = nil, country: String? = nil) {
            self.references = references
            self.organisation = organisation
            self.country = country
        }
    }

    /// A group check-in's answer: each delegate's check-in, and those who could not be checked in, with why.
    public struct GroupCheckIn: Encodable, Sendable {
        public let checkIns: [CheckInView]
        public let problems: [BadgeStudio.Problem]
    }

    /// Checks a group in at once, printing the badges of those who have none, one after another as one batch.
    public func checkIn(_ group: Group, print: Bool, printer: String?, nonce: String?, by staff: String? = nil) async throws -> GroupCheckIn {
        let references = try await store { database -> [String] in
            if let references = group.references { return references }
            guard group.organisation != nil || group.country != nil else {
                throw LanyardError(.invalidInput, "Name the group's delegates, or its organisation or country.")
            }
            return try database.delegates().filter { delegate in
                delegate.status == .confirmed
                    && group.organisation.map { $0.caseInsensitiveCompare(delegate.organisation) == .orderedSame } ?? true
                    && group.country.map { $0.caseInsensitiveCompare(delegate.country) == .orderedSame } ?? true
            }.map(\.reference)
        }
        guard !references.isEmpty, references.count <= 200 else {
            throw LanyardError(.invalidInput, "A group has 1 to 200 delegates, not \(references.count).")
        }
        var checkIns: [CheckInView] = []
        var problems: [BadgeStudio.Problem] = []
        for reference in references {
            do {
                let request = CheckInRequest(
                    reference: reference, print: print, printer: printer, nonce: nonce.map { "\($0)/\(reference)" })
                checkIns.append(try await checkIn(request, by: staff))
            } catch let error as LanyardError {
                problems.append(BadgeStudio.Problem(reference: reference, reason: error.message))
            }
        }
        return GroupCheckIn(checkIns: checkIns, problems: problems)
    }
}
