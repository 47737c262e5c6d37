/// What a kiosk shows a delegate who identified themselves, and nothing more: their own name, organisation and
/// category, and whether they can check in here or must see a desk, with the short reference the desk picks
/// them up by.
public struct KioskCard: Encodable, Sendable, Equatable {
    public let reference: String
    public let name: String
    /// The name in the delegate's own script, when it is not Latin.
    public let nativeName: String?
    public let organisation: String
    public let category: String
    /// Whether the kiosk can check them in and print their badge.
    public let canCheckIn: Bool
    /// Why they must see a desk instead, as a sentence for them.
    public let deskReason: String?
}
