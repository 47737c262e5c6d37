/// A print job's state change, for the desk and the dashboard.
public enum PrintEvent: Sendable, Equatable, CustomStringConvertible {
    /// Handed to a queue: the badge will come out of that printer.
    case submitted(key: String, queue: String, jobID: Int)
    /// The printer has it.
    case printed(key: String, queue: String)
    /// The printer faulted or made no progress; the badge goes to the next printer.
    case failedOver(key: String, from: String, reason: String)
    /// No healthy printer right now; the badge waits (it is never dropped).
    case waiting(key: String, reason: String)

    public var description: String {
        switch self {
        case .submitted(_, let queue, let id): "Printing on \(queue) (job \(id))."
        case .printed(_, let queue): "Printed on \(queue)."
        case .failedOver(_, let queue, let reason): "\(queue) failed (\(reason)); sending to the next printer."
        case .waiting(_, let reason): "Waiting: \(reason)."
        }
    }
}
