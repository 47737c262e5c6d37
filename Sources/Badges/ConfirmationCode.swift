import Foundation

/// The code of a delegate's registration confirmation (the QR code of their confirmation e-mail): `LYC1:` then, in
/// Base45, the event's fingerprint, the booking reference and an Ed25519 signature by the event's key. A kiosk
/// accepts it as proof of who the delegate is, which a booking reference alone is not (references are short and
/// guessable); the desk opens the delegate it names.
public enum ConfirmationCode {
    public static let prefix = "LYC1:"

    /// The signed code for `reference`.
    static func bytes(eventFingerprint: [UInt8], reference: String) -> [UInt8] {
        Array(prefix.utf8) + eventFingerprint + Array(reference.utf8)
    }

    /// The text of a code, from its signed bytes and their signature.
    static func text(eventFingerprint: [UInt8], reference: String, signature: [UInt8]) -> String {
        prefix + Base45.encode(eventFingerprint + Array(reference.utf8) + signature)
    }

    /// The parts of `text`: the event's fingerprint, the reference and the signature, or nil when it is not a code.
    static func parse(_ text: String) -> (fingerprint: [UInt8], reference: String, signature: [UInt8])? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(prefix), let bytes = Base45.decode(trimmed.dropFirst(prefix.count)), bytes.count > 8 + 64 else { return nil }
        guard let reference = String(validating: bytes[8..<(bytes.count - 64)], as: UTF8.self) else { return nil }
        return (Array(bytes[0..<8]), reference, Array(bytes.suffix(64)))
    }
}
