/// The fields of a delegate an import can fill, and the column headers each is known by in the registration
/// systems' exports (compared without case, spaces or punctuation).
public enum RosterField: String, CaseIterable, Codable, Sendable {
    case reference, orderCode, positionID, title, givenName, familyName, fullName, nativeName, organisation, country,
        category, email, sessions, days, status, flag

    /// Header spellings, normalised by ``normalise(_:)``, most specific first.
    var knownHeaders: [String] {
        switch self {
        // Lanyard's own; Eventbrite's "Attendee #" and "Barcode #"; Indico's "ID"; a pretix position's "Ticket secret"
        // is not a reference, its order code and position ID together are (see orderCode, positionID).
        case .reference: ["reference", "ref", "bookingreference", "registrationid", "attendee", "attendeeid", "id"]
        case .orderCode: ["ordercode", "order"]
        case .positionID: ["positionid"]
        case .title: ["title", "attendeenametitle", "salutation", "prefix"]
        case .givenName: ["firstname", "givenname", "attendeenamegivenname", "forename", "first"]
        case .familyName: ["lastname", "familyname", "attendeenamefamilyname", "surname", "last"]
        case .fullName: ["attendeename", "name", "fullname"]
        case .nativeName: ["nativename", "nameinnativescript"]
        case .organisation: ["organisation", "organization", "company", "affiliation", "institution", "attendeecompany"]
        case .country: ["country", "countrycode", "workcountry", "homecountry", "attendeecountry"]
        case .category: ["category", "tickettype", "product", "registrationtype", "ticket", "registrationform"]
        case .email: ["email", "emailaddress", "attendeeemail", "attendeeemailaddress"]
        case .sessions: ["sessions", "sessioncodes"]
        case .days: ["days"]
        case .status: ["status", "attendeestatus", "registrationstate", "registrationstatus", "state", "orderstatus"]
        case .flag: ["flag", "flags", "desknote", "checkinnote", "checkinattention"]
        }
    }

    /// A header without case, spaces or punctuation: `"Attendee name: Given name"` → `"attendeenamegivenname"`.
    static func normalise(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }
}
