/// A print job's state, as IPP reports it.
public struct PrintJobStatus: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        case pending, held, processing, stopped, canceled, aborted, completed

        /// IPP `job-state` values 3…9.
        init(ipp value: Int32) {
            switch value {
            case 3: self = .pending
            case 4: self = .held
            case 5: self = .processing
            case 6: self = .stopped
            case 7: self = .canceled
            case 8: self = .aborted
            default: self = .completed
            }
        }

        /// Whether the job will not print (any more) on its queue.
        public var hasFailed: Bool { self == .canceled || self == .aborted || self == .stopped }
    }

    public var state: State
    public var reasons: [String]

    public init(state: State, reasons: [String]) {
        self.state = state
        self.reasons = reasons
    }
}
