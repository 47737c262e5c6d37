import RosterStore
public import BadgeRendering
import BadgeTemplates
public import Badges
public import Foundation
public import Roster

/// Issues badges and renders them: one badge for the desk, or the whole roster as one PDF for pre-printing.
public struct BadgeStudio: Sendable {
    /// One issued, rendered badge.
    public struct Output: Sendable {
        public let delegate: Delegate
        public let token: BadgeToken
        public let fits: [TextFit]
    }

    /// The template a desk uses when none is named.
    public static let defaultTemplate = "zebra-4x3"

    public let desk: BadgeDesk
    public let template: BadgeTemplate

    public init(desk: BadgeDesk, template: BadgeTemplate) {
        self.desk = desk
        self.template = template
    }

    /// The shipped template named `name`, or the template file at that path.
    /// - Throws: ``LanyardError`` `notFound` naming the shipped templates, or `templateError`.
    public static func template(named name: String?) throws -> BadgeTemplate {
        let name = name ?? defaultTemplate
        if FileManager.default.fileExists(atPath: name) { return try BadgeTemplate(contentsOf: URL(fileURLWithPath: name)) }
        guard BadgeTemplates.names.contains(name) else {
            throw LanyardError(
                .notFound, "There is no badge template “\(name)”.",
                remedy: "Shipped templates: \(BadgeTemplates.names.joined(separator: ", ")); or give a template file's path.")
        }
        return try BadgeTemplate(contentsOf: BadgeTemplates.url(named: name))
    }

    /// Issues the delegate's next badge (a reprint supersedes the old one) and renders it to `url`.
    public func issueBadge(reference: String, station: String, format: RenderFormat, to url: URL) throws -> Output {
        let (delegate, token) = try desk.issueBadge(reference: reference, station: station)
        let content = BadgeContent(delegate: delegate, event: desk.event, categories: try desk.database.categories(), code: token.text)
        let fits = try BadgeRenderer(template: template).render(content, format: format, to: url)
        return Output(delegate: delegate, token: token, fits: fits)
    }

    /// Issues a badge for each of `delegates` and renders them as one PDF, a page each, in the order given.
    public func issueBatch(
        _ delegates: [Delegate], station: String, to url: URL, progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> [Output] {
        let categories = try desk.database.categories()
        let issued = try desk.issueBadges(references: delegates.map(\.reference), station: station)
        let contents = issued.map { BadgeContent(delegate: $0.0, event: desk.event, categories: categories, code: $0.1.text) }
        let fits = try BadgeRenderer(template: template).renderPDF(contents, to: url, progress: progress)
        return zip(issued, fits).map { Output(delegate: $0.0.0, token: $0.0.1, fits: $0.1) }
    }
}
