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

/// The hub's pull of its roster from the registration system: on a schedule and when an organiser asks. Each pull
/// is a conditional request (the ETag and Last-Modified of the copy last taken), so an unchanged export costs a
/// 304; a new copy goes through the roster import's rules, except that a copy with any bad row is rejected whole.
/// New registrations, changes and cancellations then reach every station with the roster; what happened on site
/// (check-ins, badges, names corrected at a desk, walk-ins) is never overwritten by an older upstream copy.
public actor UpstreamPuller: Service {
    private let station: Station
    private let source: UpstreamSource
    private let client: HTTPClient
    private let logger: Logger
    private var inFlight: Task<UpstreamPull, Never>?

    public init(station: Station, source: UpstreamSource, client: HTTPClient = .shared, logger: Logger) {
        self.station = station
        self.source = source
        self.client = client
        self.logger = logger
    }

    public func run() async throws {
        let (interval, logger) = (source.interval, logger)
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let pull = await self.pull()
                logger.info("Upstream roster pull", metadata: ["outcome": "\(pull.outcome.rawValue)", "problem": "\(pull.problem ?? "")"])
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Pulls now, or joins the pull already under way; the outcome is also kept for ``last()``.
    public func pull() async -> UpstreamPull {
        if let inFlight { return await inFlight.value }
        let task = Task { await self.pullOnce() }
        inFlight = task
        let pull = await task.value
        inFlight = nil
        return pull
    }

    /// The last pull's outcome, if there was one.
    public func last() async throws -> UpstreamPull? {
        let url = source.url.absoluteString
        guard let kept = try await station.database.perform({ try $0.upstreamPull(of: url) }) else { return nil }
        return try SyncJSON.decoder().decode(UpstreamPull.self, from: kept.outcome)
    }

    private static func changedAnything(_ changes: RosterChanges) -> Bool {
        !(changes.added.isEmpty && changes.updated.isEmpty && changes.cancelled.isEmpty && changes.reinstated.isEmpty
            && changes.categoriesAdded.isEmpty && changes.sessionsChanged.isEmpty)
    }

    private func pullOnce() async -> UpstreamPull {
        let url = source.url.absoluteString
        let now = Date()
        let kept = try? await station.database.perform { try $0.upstreamPull(of: url) }
        var request = HTTPClientRequest(url: url)
        if let token = source.token { request.headers.add(name: "Authorization", value: "Token \(token)") }
        if let etag = kept?.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = kept?.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
        var pull: UpstreamPull
        var validators: (etag: String?, lastModified: String?)?
        do {
            let response = try await client.execute(request, timeout: .seconds(120))
            if response.status == .notModified {
                pull = UpstreamPull(source: url, outcome: .unchanged, at: now)
            } else if response.status != .ok {
                pull = UpstreamPull(source: url, outcome: .unreachable, at: now, problem: "The source answered \(response.status.code).")
            } else {
                let body = try await response.body.collect(upTo: 512 * 1024 * 1024)
                let table = try UpstreamExport.table(
                    from: Data(body.readableBytesView), contentType: response.headers.first(name: "Content-Type"),
                    name: source.url.lastPathComponent.isEmpty ? "upstream export" : source.url.lastPathComponent)
                let logger = logger
                let summary = try await station.importUpstream(table, named: source.url.lastPathComponent) { progress in
                    if progress.total > 0, progress.done == progress.total || progress.done % 10_000 == 0 {
                        logger.info("Upstream roster import", metadata: ["rows": "\(progress.done) / \(progress.total)"])
                    }
                }
                pull = UpstreamPull(source: url, outcome: Self.changedAnything(summary.changes) ? .imported : .unchanged, at: now)
                pull.rowsRead = summary.rowsRead
                pull.rowsAccepted = summary.rowsAccepted
                pull.added = summary.changes.added.count
                pull.updated = summary.changes.updated.count
                pull.cancelled = summary.changes.cancelled.count
                pull.reinstated = summary.changes.reinstated.count
                validators = (response.headers.first(name: "ETag"), response.headers.first(name: "Last-Modified"))
            }
        } catch let error as LanyardError {
            pull = UpstreamPull(source: url, outcome: .rejected, at: now, problem: error.description)
        } catch {
            pull = UpstreamPull(source: url, outcome: .unreachable, at: now, problem: "The source cannot be reached (\(error)).")
        }
        let outcome = (try? SyncJSON.encoder().encode(pull)) ?? Data("{}".utf8)
        let taken = validators
        try? await station.database.perform { database in
            try database.recordUpstreamPull(
                of: url, etag: taken?.etag, lastModified: taken?.lastModified, keepValidators: taken == nil, at: now, outcome: outcome)
        }
        return pull
    }
}
