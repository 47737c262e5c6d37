public import BadgeRendering
import Dispatch
import Logging
import PrintQueue
import Printing
import RosterStore
public import ServiceLifecycle

/// Prepares the badges this station prints (``BadgeRenderer/prepare(_:)``) as it starts: each printer's template in
/// its format, so that the first delegate's badge is not the one that finds the fonts and draws every script's
/// glyphs. A station without a route of printers (one printing to whatever CUPS offers) prepares nothing: asking
/// CUPS and each printer at every start would cost more than it saves. Runs once, beside the server.
public struct BadgePreparation: Service {
    let station: Station

    public func run() async throws {
        let formats = station.preparedBadgeFormats
        if !formats.isEmpty {
            let took = await station.prepareBadges(formats)
            station.logger.info("Badges prepared", metadata: ["took": "\(took)"])
        }
        try? await gracefulShutdown()
    }
}

extension Station {
    /// The service that prepares the station's badges as it starts.
    public var badgePreparation: BadgePreparation { BadgePreparation(station: self) }

    /// A template (nil: the default) and the format it is rendered in.
    public typealias BadgeFormat = (template: String?, format: RenderFormat)

    /// What this station prints, and so prepares as it starts: the template and format of each printer of its
    /// route, as the spooler sends them (a printer without a profile gets a PDF of the default template). The desk's
    /// preview of a corrected name is left out: it is not printed, and preparing it would cost every station half a
    /// second of its start.
    public var preparedBadgeFormats: [BadgeFormat] {
        let printing = printWorker.spooler.configuration
        let formats: [BadgeFormat] = printing.route.map { queue in
            let profile = printing.profile(for: queue)
            return (profile?.template ?? BadgeStudio.defaultTemplate, PrintSpooler.renderFormat(for: profile))
        }
        return formats.reduce(into: []) { unique, format in
            if !unique.contains(where: { $0.template == format.template && $0.format == format.format }) { unique.append(format) }
        }
    }

    /// Prepares `formats` off Swift's cooperative pool, one after the other; a template that cannot be read is left
    /// to the badge that needs it, which reports it.
    /// - Returns: How long it took.
    @discardableResult
    public func prepareBadges(_ formats: [BadgeFormat]) async -> Duration {
        await ContinuousClock().measure {
            _ = try? await DispatchQueue.blocking.perform {
                for (template, format) in formats {
                    guard let template = try? BadgeStudio.template(named: template) else { continue }
                    BadgeRenderer(template: template).prepare(format)
                }
            }
        }
    }
}
