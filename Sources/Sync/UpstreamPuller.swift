public import AsyncHTTPClient
import DelimitedText
import Foundation
public import Logging
import NIOCore
import NIOHTTP1
import Roster
import RosterImport
import RosterStore
public import ServiceLifecycle
public import Station

/// The hub's pull of its roster from the registration system: on a schedule and when an organiser asks. An export
/// is fetched with a conditional request (the ETag and Last-Modified of the copy last taken), so an unchanged one
/// costs a 304; pretix's API is asked for the orders modified since the last pull. What comes goes through the
/// roster import's rules, except that a copy with any bad row is rejected whole.
/// New registrations, changes and cancellations then reach every station with the roster; what happened on site
/// (check-ins, badges, names corrected at a desk, walk-ins) is never overwritten by an older upstream copy.
public actor UpstreamPuller: Service {
    private let station: Station
    private let source: UpstreamSource
    private let ledger: any UpstreamLedger
    private let client: HTTPClient
    private let logger: Logger
    private var inFlight: Task<UpstreamPull, Never>?

    /// - Parameter ledger: Where the pulls are kept, and who else may pull: the station's own store unless the
    ///   event's hubs share a database.
    public init(
        station: Station, source: UpstreamSource, ledger: (any UpstreamLedger)? = nil, client: HTTPClient = .shared, logger: Logger
    ) {
        self.station = station
        self.source = source
        self.ledger = ledger ?? SingleHubLedger(station: station)
        self.client = client
        self.logger = logger
    }

    /// Pulls every `interval` from the last pull of the event, whichever hub made it, until shutdown.
    public func run() async throws {
        let (interval, logger, url) = (source.interval, logger, source.url.absoluteString)
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                // A hub starting, or one of several sharing a database, waits for the pull due rather than pull again.
                let last = try? await self.ledger.record(of: url)?.last.at
                let due = last.map { $0.addingTimeInterval(Double(interval.components.seconds)) } ?? .distantPast
                if due > Date() {
                    try? await Task.sleep(for: .seconds(due.timeIntervalSinceNow))
                    continue
                }
                let pull = await self.pull(ifDue: true)
                logger.info("Upstream roster pull", metadata: ["outcome": "\(pull.outcome.rawValue)", "problem": "\(pull.problem ?? "")"])
                if pull.outcome == .elsewhere || pull.outcome == .failed { try? await Task.sleep(for: interval) }
            }
        }
    }

    /// Pulls now, or joins the pull already under way; the outcome is also kept for ``last()``.
    public func pull() async -> UpstreamPull {
        await pull(ifDue: false)
    }

    /// Pulls, or joins the pull under way; with `ifDue` (the schedule), only when no hub of the event pulled within
    /// the interval, looked at again once the pull is this hub's alone.
    private func pull(ifDue: Bool) async -> UpstreamPull {
        if let inFlight { return await inFlight.value }
        let task = Task { await self.pullOnce(ifDue: ifDue) }
        inFlight = task
        let pull = await task.value
        inFlight = nil
        return pull
    }

    /// The last pull's outcome, if there was one.
    public func last() async throws -> UpstreamPull? {
        try await ledger.record(of: source.url.absoluteString)?.last
    }

    /// A GET of `url` with the source's token and `headers`.
    private func request(_ url: URL, headers: [(String, String)] = []) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url.absoluteString)
        if let token = source.token { request.headers.add(name: "Authorization", value: "Token \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return request
    }

    private static func changedAnything(_ changes: RosterChanges) -> Bool {
        !(changes.added.isEmpty && changes.updated.isEmpty && changes.cancelled.isEmpty && changes.reinstated.isEmpty
            && changes.categoriesAdded.isEmpty && changes.sessionsChanged.isEmpty)
    }

    /// One pull, unless another hub of the event is pulling.
    private func pullOnce(ifDue: Bool) async -> UpstreamPull {
        do {
            let pull = try await ledger.exclusively(on: station) { await self.pullAlone(ifDue: ifDue) }
            return pull
                ?? UpstreamPull(
                    source: source.url.absoluteString, outcome: .elsewhere, at: Date(),
                    problem: "Another hub of the event is pulling from the registration system now; every hub takes what it finds.")
        } catch {
            return UpstreamPull(source: source.url.absoluteString, outcome: .failed, at: Date(), problem: "\(error)")
        }
    }

    /// One pull, its outcome kept with the validators of a copy taken (the time to ask pretix from next); with
    /// `ifDue`, none when another hub pulled within the interval (it finished just before this one took its turn).
    private func pullAlone(ifDue: Bool) async -> UpstreamPull {
        let url = source.url.absoluteString
        let now = Date()
        let kept = try? await ledger.record(of: url)
        if ifDue, let last = kept?.last.at, now.timeIntervalSince(last) < Double(source.interval.components.seconds) {
            return UpstreamPull(
                source: url, outcome: .elsewhere, at: now, problem: "Another hub of the event pulled at \(last.formatted(.iso8601)).")
        }
        var pull: UpstreamPull
        var validators: UpstreamRecord.Validators?
        do {
            switch source.kind {
            case .export: (pull, validators) = try await pullExport(kept: kept, at: now)
            case .pretix: (pull, validators) = try await pullPretix(since: kept?.validators.lastModified, at: now)
            }
        } catch let error as LanyardError {
            pull = UpstreamPull(source: url, outcome: .rejected, at: now, problem: error.description)
        } catch {
            pull = UpstreamPull(source: url, outcome: .unreachable, at: now, problem: "The source cannot be reached (\(error)).")
        }
        do {
            try await ledger.keep(pull, validators: validators)
        } catch {
            logger.warning("An upstream pull could not be recorded", metadata: ["error": "\(error)"])
        }
        return pull
    }

    /// A whole export, asked for unless it is the copy taken last.
    private func pullExport(
        kept: UpstreamRecord?, at now: Date
    ) async throws -> (UpstreamPull, UpstreamRecord.Validators?) {
        let url = source.url.absoluteString
        let previous = kept?.last
        var conditions: [(String, String)] = []
        if let etag = kept?.validators.etag { conditions.append(("If-None-Match", etag)) }
        if let lastModified = kept?.validators.lastModified { conditions.append(("If-Modified-Since", lastModified)) }
        let response = try await client.execute(request(source.url, headers: conditions), timeout: .seconds(120))
        let etag = response.headers.first(name: "ETag")
        if response.status == .notModified { return (UpstreamPull(source: url, outcome: .unchanged, at: now), nil) }
        guard response.status == .ok else {
            return (UpstreamPull(source: url, outcome: .unreachable, at: now, problem: "The source answered \(response.status.code)."), nil)
        }
        if let etag, previous?.outcome == .rejected, previous?.etag == etag {
            // The same broken copy again: rejected without writing it again under the store's lock.
            var pull = UpstreamPull(source: url, outcome: .rejected, at: now, problem: previous?.problem)
            pull.etag = etag
            return (pull, nil)
        }
        let contentType = response.headers.first(name: "Content-Type")
        var pages = [Data(try await response.body.collect(upTo: 512 * 1024 * 1024).readableBytesView)]
        while let next = UpstreamExport.nextPage(after: pages[pages.count - 1], contentType: contentType), pages.count < 10_000 {
            pages.append(try await page(next))
        }
        let name = source.url.lastPathComponent.isEmpty ? "upstream export" : source.url.lastPathComponent
        var pull = await take(try UpstreamExport.table(from: pages, contentType: contentType, name: name), named: name, at: now)
        pull.etag = etag
        let taken = pull.outcome == .imported || pull.outcome == .unchanged
        return (pull, taken ? .init(etag: etag, lastModified: response.headers.first(name: "Last-Modified")) : nil)
    }

    /// pretix's orders, all at the first pull, then those modified since the last one taken (a minute's overlap
    /// against clocks apart: taking an order twice changes nothing).
    private func pullPretix(since: String?, at now: Date) async throws -> (UpstreamPull, UpstreamRecord.Validators?) {
        let base = source.url.absoluteString.hasSuffix("/") ? source.url.absoluteString : source.url.absoluteString + "/"
        guard var components = URLComponents(string: base + "orders/") else {
            throw LanyardError(.configurationError, "\(base) is not a pretix event's API URL.")
        }
        components.queryItems =
            [URLQueryItem(name: "include_canceled_positions", value: "true")]
            + (since.map { [URLQueryItem(name: "modified_since", value: $0)] } ?? [])
        var pages = [try await page(components.url!)]
        while let next = UpstreamExport.nextPage(after: pages[pages.count - 1], contentType: "application/json"), pages.count < 10_000 {
            pages.append(try await page(next))
        }
        let pull = await take(try PretixOrders.table(from: pages), named: "pretix orders", at: now)
        let nextSince = now.addingTimeInterval(-60).formatted(Date.ISO8601FormatStyle())
        return (pull, pull.outcome == .imported || pull.outcome == .unchanged ? .init(etag: nil, lastModified: nextSince) : nil)
    }

    /// A page of the source that must be there.
    private func page(_ url: URL) async throws -> Data {
        // A next page elsewhere is refused rather than handed the token: it belongs to the registration system only.
        guard url.scheme == source.url.scheme, url.host == source.url.host, url.port == source.url.port else {
            throw LanyardError(
                .notPermitted, "The registration system's next page \(url.absoluteString) is not at \(source.url.host ?? "its address").",
                remedy: "Check the upstream URL; Lanyard sends its token only to the address it was given.")
        }
        let response = try await client.execute(request(url), timeout: .seconds(120))
        guard response.status == .ok else { throw UpstreamPageError(status: response.status.code, url: url) }
        return Data(try await response.body.collect(upTo: 512 * 1024 * 1024).readableBytesView)
    }

    /// Takes `table` into the roster, whole or not at all.
    private func take(_ table: DelimitedTable, named name: String, at now: Date) async -> UpstreamPull {
        let url = source.url.absoluteString
        guard !table.records.isEmpty || source.kind == .export else { return UpstreamPull(source: url, outcome: .unchanged, at: now) }
        let logger = logger
        do {
            let summary = try await station.importUpstream(table, named: name) { progress in
                if progress.total > 0, progress.done == progress.total || progress.done % 10_000 == 0 {
                    logger.info("Upstream roster import", metadata: ["rows": "\(progress.done) / \(progress.total)"])
                }
            }
            var pull = UpstreamPull(source: url, outcome: Self.changedAnything(summary.changes) ? .imported : .unchanged, at: now)
            pull.rowsRead = summary.rowsRead
            pull.rowsAccepted = summary.rowsAccepted
            pull.added = summary.changes.added.count
            pull.updated = summary.changes.updated.count
            pull.cancelled = summary.changes.cancelled.count
            pull.reinstated = summary.changes.reinstated.count
            return pull
        } catch let error as LanyardError where error.code == .invalidInput || error.code == .unreadableFile {
            return UpstreamPull(source: url, outcome: .rejected, at: now, problem: error.description)
        } catch {
            return UpstreamPull(source: url, outcome: .failed, at: now, problem: "The copy could not be written (\(error)).")
        }
    }
}

/// A later page of a paginated export that the source did not give.
struct UpstreamPageError: Error, CustomStringConvertible {
    let status: UInt
    let url: URL
    var description: String { "The source answered \(status) for \(url.absoluteString)." }
}
