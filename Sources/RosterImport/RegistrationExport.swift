/// The registration systems whose attendee exports Lanyard reads without a mapping file.
public enum RegistrationExport: String, Codable, Sendable {
    case lanyard, pretix, eventbrite, indico, other

    /// Guesses the system from the normalised headers it uses.
    init(recognising headers: Set<String>) {
        if headers.isSuperset(of: ["reference", "firstname", "lastname", "category"]) {
            self = .lanyard
        } else if headers.contains("ordercode") && headers.contains("positionid") || headers.contains("attendeenamegivenname") {
            self = .pretix
        } else if headers.contains("tickettype") || headers.contains("attendeestatus") {
            self = .eventbrite
        } else if headers.contains("registrationstate") || headers.contains("affiliation") {
            self = .indico
        } else {
            self = .other
        }
    }
}
