import Roster

/// A client's nonce: what makes a request idempotent (the same nonce again answers the first request).
enum Nonce {
    /// `nonce`, once checked: 8 to 100 characters of letters, digits, `-` and `_`.
    /// - Throws: ``LanyardError`` `invalidInput`.
    static func checked(_ nonce: String) throws -> String {
        guard (8...100).contains(nonce.count), nonce.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else {
            throw LanyardError(.invalidInput, "A nonce is 8 to 100 letters, digits, - and _.", remedy: "Send a fresh UUID.")
        }
        return nonce
    }
}
