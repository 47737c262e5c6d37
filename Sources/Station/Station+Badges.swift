public import BadgeRendering
import Badges
public import Foundation
import Roster
import RosterStore

extension Station {
    /// Issues a delegate's next badge (a reprint: the old one stops working) and renders it to `url`. Nothing is
    /// recorded when it cannot be rendered.
    /// - Parameters:
    ///   - template: A shipped template's name or a template file; the default when nil.
    ///   - reason: Why it is reprinted (a lost badge, a corrected name), for the log.
    public func issueBadge(
        _ reference: String, template: String? = nil, format: RenderFormat, to url: URL, reason: String? = nil
    ) async throws -> BadgeView {
        let (studio, station) = (studio, name)
        let (output, templateName) = try await DispatchQueue.blocking.perform {
            let template = try BadgeStudio.template(named: template)
            let output = try studio.issueBadge(
                reference: reference, station: station, template: template, format: format, to: url, reason: reason)
            return (output, template.name)
        }
        events.publish(.entry(output.entry))
        return BadgeView(output, file: url.path, template: templateName)
    }

    /// Which delegates a batch of badges is for, and in which order.
    public struct BatchSelection: Sendable {
        public enum Order: String, Sendable, CaseIterable {
            case familyName = "family-name", country, category
        }

        public var category: String?
        public var country: String?
        public var includeCancelled: Bool
        public var order: Order

        public init(category: String? = nil, country: String? = nil, includeCancelled: Bool = false, order: Order = .familyName) {
            self.category = category
            self.country = country
            self.includeCancelled = includeCancelled
            self.order = order
        }

        func select(_ delegates: [Delegate]) -> [Delegate] {
            delegates.filter { delegate in
                (includeCancelled || delegate.status == .confirmed)
                    && category.map { $0.caseInsensitiveCompare(delegate.category) == .orderedSame } ?? true
                    && country.map { $0.caseInsensitiveCompare(delegate.country) == .orderedSame } ?? true
            }.sorted { a, b in
                let keys: (String, String) =
                    switch order {
                    case .familyName: (a.sortName, b.sortName)
                    case .country: (a.country, b.country)
                    case .category: (a.category, b.category)
                    }
                if keys.0 != keys.1 { return keys.0.localizedStandardCompare(keys.1) == .orderedAscending }
                return (a.sortName, a.givenName, a.reference) < (b.sortName, b.givenName, b.reference)
            }
        }
    }

    /// Issues and renders badges for pre-printing, one PDF page each. A badge that cannot be made is left out,
    /// reported and not issued; the others are written.
    /// - Parameter progress: Called with (done, total) as badges are rendered.
    public func issueBadges(
        _ selection: BatchSelection, template: String? = nil, to url: URL, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> BatchView {
        let (studio, station) = (studio, name)
        let view = try await store { database in
            let template = try BadgeStudio.template(named: template)
            let (badges, problems) = try studio.issueBatch(
                selection.select(try database.delegates()), station: station, template: template, to: url, progress: progress)
            return (
                badges.map(\.entry),
                BatchView(
                    file: url.path, template: template.name, badges: badges.map { BadgeView($0, file: url.path, template: template.name) },
                    problems: problems)
            )
        }
        view.0.forEach { events.publish(.entry($0)) }
        return view.1
    }

    /// Revokes a delegate's badge in force (lost or stolen, withdrawn): doors deny it, giving `reason`.
    /// - Throws: ``LanyardError`` `notFound` when the delegate has no badge.
    public func revokeBadge(_ reference: String, reason: String, by staff: String? = nil) async throws -> RevocationView {
        try FieldLimit.check(reason, "reason")
        let station = name
        let (badge, entry) = try await store { try $0.revokeBadge(reference: reference, reason: reason, station: station, staff: staff) }
        events.publish(.entry(entry))
        return RevocationView(reference: badge.reference, serial: Int(badge.serial), reason: reason)
    }

    /// Whether `code` is a valid badge of this event, and whose.
    public func verify(_ code: String) async throws -> VerificationView {
        let desk = desk
        return try await store { database in
            let check = try desk.check(code)
            let delegate = check.isValid ? try check.claims.map { try database.delegate($0.reference) } : nil
            return VerificationView(
                valid: check.isValid, reason: check.reason.code, sentence: check.sentence, reference: check.claims?.reference,
                serial: check.claims.map { Int($0.serial) }, delegate: delegate.map(DelegateView.init))
        }
    }
}
