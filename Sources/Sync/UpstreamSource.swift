public import Foundation

/// Where a hub pulls its roster from: a CSV or JSON export of the registration system at a URL.
public struct UpstreamSource: Sendable, Equatable {
    public var url: URL
    /// Sent as `Authorization: Token …` (pretix's scheme) when the export needs it.
    public var token: String?
    /// How often the hub pulls; an organiser can also pull at once.
    public var interval: Duration

    public init(url: URL, token: String? = nil, interval: Duration = .seconds(300)) {
        self.url = url
        self.token = token
        self.interval = interval
    }
}
