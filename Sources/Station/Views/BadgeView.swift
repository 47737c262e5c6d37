public import BadgeRendering
import Badges
import Roster

/// The JSON shape of an issued badge: `{reference, displayName, serial, code, file, template, fits}`, where `fits`
/// lists the texts that had to shrink, wrap or be ellipsised.
public struct BadgeView: Encodable, Sendable {
    public let reference: String
    public let displayName: String
    public let serial: Int
    public let code: String
    public let file: String
    public let template: String
    public let fits: [TextFit]

    public init(_ badge: BadgeStudio.Output, file: String, template: String) {
        reference = badge.delegate.reference
        displayName = badge.delegate.displayName
        serial = Int(badge.token.claims.serial)
        code = badge.token.text
        self.file = file
        self.template = template
        fits = badge.fits.filter { !$0.adjustments.isEmpty }
    }
}
