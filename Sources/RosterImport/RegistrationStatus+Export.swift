import Roster

extension RegistrationStatus {
    /// Reads the status words of Lanyard's roster and of registration systems' exports (pretix's `p` paid and
    /// `c` canceled, Eventbrite's Attending / Not Attending, Indico's complete / withdrawn …). Empty is confirmed.
    init?(exportValue: String) {
        if exportValue == "confirmed" || exportValue.isEmpty {
            self = .confirmed
            return
        }
        switch PersonName.collapsingWhitespace(exportValue.lowercased()) {
        case "", "confirmed", "paid", "p", "n", "pending", "attending", "checked in", "complete", "completed", "approved",
            "registered", "valid", "active", "placed":
            self = .confirmed
        case "cancelled", "canceled", "c", "e", "expired", "refunded", "not attending", "withdrawn", "rejected",
            "deleted", "void", "declined":
            self = .cancelled
        default:
            return nil
        }
    }
}
