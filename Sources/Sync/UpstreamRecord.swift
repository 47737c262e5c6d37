/// What a hub keeps of its pulls from one source: the validators of the copy it last took, and the last pull.
public struct UpstreamRecord: Sendable, Equatable {
    /// What the next pull sends so that an unchanged copy costs nothing: an export's ETag and Last-Modified, or the
    /// time pretix is asked for the orders modified since (as Last-Modified).
    public struct Validators: Sendable, Equatable {
        public var etag: String?
        public var lastModified: String?

        public init(etag: String?, lastModified: String?) {
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    /// Those of the last copy taken, whatever the pulls since found.
    public var validators: Validators
    /// The last pull, whatever it found.
    public var last: UpstreamPull

    public init(validators: Validators, last: UpstreamPull) {
        self.validators = validators
        self.last = last
    }
}
