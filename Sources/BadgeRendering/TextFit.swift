/// How a text element was made to fit its box, reported so that a desk can check an odd badge.
public struct TextFit: Codable, Sendable, Equatable {
    public enum Adjustment: String, Codable, Sendable {
        /// Set below its largest size.
        case shrunk
        /// Broken over several lines.
        case wrapped
        /// Cut with an ellipsis even at its smallest size and most lines.
        case ellipsized
    }

    /// A rectangle on the label, in millimetres.
    public struct Rectangle: Codable, Sendable, Equatable {
        public let x, y, width, height: Double
    }

    /// The element's template text, such as `{name}`.
    public let element: String
    public let text: String
    /// The font size used, in points.
    public let points: Double
    public let adjustments: [Adjustment]
    /// The element's box.
    public let box: Rectangle
    /// Where the text's ink fell: inside ``box`` unless something went wrong.
    public let ink: Rectangle
}
