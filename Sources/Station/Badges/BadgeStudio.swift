public import BadgeRendering
import BadgeTemplates
public import Badges
public import Foundation
public import PrintQueue
public import Roster
import RosterStore

/// Issues badges and renders them: one badge for the desk or a printer, or many as one PDF for pre-printing. A
/// badge is recorded (its serial in force, the old one stopping) only once it has been signed and rendered.
public struct BadgeStudio: BadgeMaker {
    /// One issued, rendered badge.
    public struct Output: Sendable {
        public let delegate: Delegate
        public let token: BadgeToken
        public let fits: [TextFit]
        /// The badge's `badge-issued` entry in the log.
        public let entry: LogEntry
    }

    /// A badge of a batch that could not be made, and why.
    public struct Problem: Codable, Sendable, Equatable {
        public let reference: String
        public let reason: String
    }

    /// The template a desk uses when none is named.
    public static let defaultTemplate = "zebra-4x3"

    public let desk: BadgeDesk

    public init(desk: BadgeDesk) {
        self.desk = desk
    }

    /// The templates read so far in this process.
    private static let shelf = BadgeTemplateShelf()

    /// The shipped template named `name`, or the template file at that path; parsed once while its file is unchanged.
    /// - Throws: ``LanyardError`` `notFound` naming the shipped templates, or `templateError`.
    public static func template(named name: String?) throws -> BadgeTemplate {
        let name = name ?? defaultTemplate
        if FileManager.default.fileExists(atPath: name) { return try shelf.template(at: URL(fileURLWithPath: name)) }
        guard BadgeTemplates.names.contains(name) else {
            throw LanyardError(
                .notFound, "There is no badge template “\(name)”.",
                remedy: "Shipped templates: \(BadgeTemplates.names.joined(separator: ", ")); or give a template file's path.")
        }
        return try shelf.template(at: BadgeTemplates.url(named: name))
    }

    /// Issues the delegate's next badge (a reprint supersedes the old one) and renders it to `url`. Nothing is
    /// recorded when it cannot be rendered.
    public func issueBadge(
        reference: String, station: String, template: BadgeTemplate, format: RenderFormat, to url: URL, reason: String? = nil,
        at now: Date = Date()
    ) throws -> Output {
        guard let issue = try desk.database.nextBadges(for: [reference], reason: reason).first else {
            throw LanyardError(.notFound, "No delegate has the reference \(reference).")
        }
        let token = try desk.sign(issue, at: now)
        let fits = try BadgeRenderer(template: template).render(content(issue.delegate, token.text), format: format, to: url)
        let entries = try desk.database.recordBadgeIssues([issue], station: station, at: now)
        return Output(delegate: issue.delegate, token: token, fits: fits, entry: entries[0])
    }

    /// Issues a badge for each of `delegates` and renders them as one PDF, a page each, in the order given. A badge
    /// that cannot be signed or rendered is left out and reported; the others are recorded, in one transaction.
    public func issueBatch(
        _ delegates: [Delegate], station: String, template: BadgeTemplate, to url: URL, at now: Date = Date(),
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> (badges: [Output], problems: [Problem]) {
        var problems: [Problem] = []
        var signed: [(BadgeIssue, BadgeToken)] = []
        for issue in try desk.database.nextBadges(for: delegates.map(\.reference)) {
            do {
                signed.append((issue, try desk.sign(issue, at: now)))
            } catch let error as LanyardError {
                problems.append(Problem(reference: issue.delegate.reference, reason: error.message))
            }
        }
        let categories = try desk.database.categories()
        let contents = signed.map { BadgeContent(delegate: $0.0.delegate, event: desk.event, categories: categories, code: $0.1.text) }
        let results = try BadgeRenderer(template: template).renderPDF(contents, to: url, progress: progress)
        var rendered: [(issue: BadgeIssue, token: BadgeToken, fits: [TextFit])] = []
        for ((issue, token), result) in zip(signed, results) {
            switch result {
            case .success(let fits): rendered.append((issue, token, fits))
            case .failure(let error): problems.append(Problem(reference: issue.delegate.reference, reason: error.message))
            }
        }
        let entries = try desk.database.recordBadgeIssues(rendered.map(\.issue), station: station, at: now)
        let outputs = zip(rendered, entries).map { badge, entry in
            Output(delegate: badge.issue.delegate, token: badge.token, fits: badge.fits, entry: entry)
        }
        return (outputs, problems)
    }

    public func makeBadge(for job: PrintJob, template: String?, format: RenderFormat, to url: URL, at now: Date) throws -> MadeBadge {
        let template = try Self.template(named: template)
        if let code = job.code, let serial = job.serial {
            let delegate = try desk.database.delegate(job.reference)
            try BadgeRenderer(template: template).render(try content(delegate, code), format: format, to: url)
            return MadeBadge(code: code, serial: serial, issue: nil)
        }
        guard let issue = try desk.database.nextBadges(for: [job.reference], reason: job.reason).first else {
            throw LanyardError(.notFound, "No delegate has the reference \(job.reference).")
        }
        let token = try desk.sign(issue, at: now)
        try BadgeRenderer(template: template).render(try content(issue.delegate, token.text), format: format, to: url)
        return MadeBadge(code: token.text, serial: issue.serial, issue: issue)
    }

    /// What `delegate`'s badge shows, carrying `code`.
    public func content(_ delegate: Delegate, _ code: String) throws -> BadgeContent {
        BadgeContent(delegate: delegate, event: desk.event, categories: try desk.database.categories(), code: code)
    }
}
