public import Foundation

/// Where a hub pulls its roster from: a CSV or JSON export of the registration system at a URL, or an event in
/// pretix's REST API.
public struct UpstreamSource: Sendable, Equatable {
    /// How the source gives its registrations.
    public enum Kind: Sendable, Equatable {
        /// A whole export at `url`, fetched with conditional requests.
        case export
        /// pretix's REST API: `url` is the event's (`…/api/v1/organizers/{org}/events/{event}/`); its orders are
        /// read page by page, after the first pull only those modified since the last.
        case pretix
    }

    public var kind: Kind
    public var url: URL
    /// Sent as `Authorization: Token …` (pretix's scheme) when the export needs it.
    public var token: String?
    /// How often the hub pulls; an organiser can also pull at once.
    public var interval: Duration

    public init(url: URL, kind: Kind = .export, token: String? = nil, interval: Duration = .seconds(300)) {
        self.kind = kind
        self.url = url
        self.token = token
        self.interval = interval
    }
}
