import Foundation
import RosterStore
public import Station

/// The upstream ledger of an event's only hub: its own store. Its puller already joins a pull under way, so a pull
/// runs at once.
public struct SingleHubLedger: UpstreamLedger {
    let station: Station

    public init(station: Station) {
        self.station = station
    }

    public func exclusively<T: Sendable>(on station: Station, _ pull: @escaping @Sendable () async -> T) async throws -> T? {
        await pull()
    }

    public func record(of source: String) async throws -> UpstreamRecord? {
        guard let kept = try await station.database.perform({ try $0.upstreamPull(of: source) }) else { return nil }
        let last = try SyncJSON.decoder().decode(UpstreamPull.self, from: kept.outcome)
        return UpstreamRecord(validators: .init(etag: kept.etag, lastModified: kept.lastModified), last: last)
    }

    public func keep(_ pull: UpstreamPull, validators: UpstreamRecord.Validators?) async throws {
        let outcome = try SyncJSON.encoder().encode(pull)
        try await station.database.perform { database in
            try database.recordUpstreamPull(
                of: pull.source, etag: validators?.etag, lastModified: validators?.lastModified, keepValidators: validators == nil, at: pull.at,
                outcome: outcome)
        }
    }
}
