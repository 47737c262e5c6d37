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

    /// A GET of `url` with the source's token and `headers`.
    private func request(_ url: URL, headers: [(String, String)]) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url.absoluteString)
        if let token = source.token { request.headers.add(name: "Authorization", value: "Token \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return request
    }

    private static func changedAnything(_ changes: RosterChanges) -> Bool {
        !(changes.added.isEmpty && changes.updated.isEmpty && changes.cancelled.isEmpty && changes.reinstated.isEmpty
            && changes.categoriesAdded.isEmpty && changes.sessionsChanged.isEmpty)
    }

    private func pullOnce() async -> UpstreamPull {
        let url = source.url.absoluteString
        let now = Date()
        let kept = try? await station.database.perform { try $0.upstreamPull(of: url) }
        let previous = kept.flatMap { try? SyncJSON.decoder().decode(UpstreamPull.self, from: $0.outcome) }
        var conditions: [(String, String)] = []
        if let etag = kept?.etag { conditions.append(("If-None-Match", etag)) }
        if let lastModified = kept?.lastModified { conditions.append(("If-Modified-Since", lastModified)) }
        var pull: UpstreamPull
        var validators: (etag: String?, lastModified: String?)?
        do {
            let response = try await client.execute(request(source.url, headers: conditions), timeout: .seconds(120))
            let etag = response.headers.first(name: "ETag")
            if response.status == .notModified {
                pull = UpstreamPull(source: url, outcome: .unchanged, at: now)
            } else if response.status != .ok {
                pull = UpstreamPull(source: url, outcome: .unreachable, at: now, problem: "The source answered \(response.status.code).")
            } else if let etag, previous?.outcome == .rejected, previous?.etag == etag {
                // The same broken copy again: rejected without writing it again under the store's lock.
                pull = UpstreamPull(source: url, outcome: .rejected, at: now, problem: previous?.problem)
                pull.etag = etag
            } else {
                let contentType = response.headers.first(name: "Content-Type")
                var pages = [Data(try await response.body.collect(upTo: 512 * 1024 * 1024).readableBytesView)]
                while let next = UpstreamExport.nextPage(after: pages[pages.count - 1], contentType: contentType), pages.count < 10_000 {
                    let page = try await client.execute(request(next, headers: []), timeout: .seconds(120))
                    guard page.status == .ok else { throw UpstreamPageError(status: page.status.code, url: next) }
                    pages.append(Data(try await page.body.collect(upTo: 512 * 1024 * 1024).readableBytesView))
                }
                let name = source.url.lastPathComponent.isEmpty ? "upstream export" : source.url.lastPathComponent
                let table = try UpstreamExport.table(from: pages, contentType: contentType, name: name)
                let logger = logger
                do {
                    let summary = try await station.importUpstream(table, named: name) { progress in
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
                    validators = (etag, response.headers.first(name: "Last-Modified"))
                } catch let error as LanyardError where error.code == .invalidInput || error.code == .unreadableFile {
                    pull = UpstreamPull(source: url, outcome: .rejected, at: now, problem: error.description)
                } catch {
                    pull = UpstreamPull(source: url, outcome: .failed, at: now, problem: "The copy could not be written (\(error)).")
                }
                pull.etag = etag
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

/// A later page of a paginated export that the source did not give.
struct UpstreamPageError: Error, CustomStringConvertible {
    let status: UInt
    let url: URL
    var description: String { "The source answered \(status) for \(url.absoluteString)." }
}
