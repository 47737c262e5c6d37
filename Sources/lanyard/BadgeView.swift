import BadgeRendering
import Badges
import Foundation
import Roster
import RosterStore
import Station

/// The JSON shape of an issued badge.
struct BadgeView: Encodable {
    let reference: String
    let displayName: String
    let serial: Int
    let code: String
    let file: String
    let template: String
    /// Texts that had to shrink, wrap or be ellipsised to fit.
    let fits: [TextFit]

    init(_ badge: BadgeStudio.Output, file: String, template: String) {
        reference = badge.delegate.reference
        displayName = badge.delegate.displayName
        serial = Int(badge.token.claims.serial)
        code = badge.token.text
        self.file = file
        self.template = template
        fits = badge.fits.filter { !$0.adjustments.isEmpty }
    }
}
