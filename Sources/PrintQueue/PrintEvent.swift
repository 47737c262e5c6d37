/// A print job's or a printer's change of state, for the desk and the dashboard.
public enum PrintEvent: Sendable, Equatable, CustomStringConvertible {
    /// Handed to a queue: the badge will come out of that printer.
    case submitted(key: String, queue: String, jobID: Int)
    /// The printer has it.
    case printed(key: String, queue: String)
    /// The printer faulted, cannot be reached or made no progress; the badge goes to the next printer.
    case failedOver(key: String, from: String, reason: String)
    /// No healthy printer right now (or CUPS is down); the badge waits, stored (it is never dropped).
    case waiting(key: String, reason: String)
    /// The badge cannot be printed (it does not render, or CUPS lost the job): the desk decides what to do.
    case failed(key: String, reason: String)
    /// A printer became usable again, or stopped being usable, and why.
    case printerChanged(queue: String, isUsable: Bool, reason: String?)

    /// The print job's key, for a job's event.
    public var key: String? {
        switch self {
        case .submitted(let key, _, _), .printed(let key, _), .failedOver(let key, _, _), .waiting(let key, _),
            .failed(let key, _):
            key
        case .printerChanged: nil
        }
    }

    public var description: String {
        switch self {
        case .submitted(_, let queue, let id): "Printing on \(queue) (job \(id))."
        case .printed(_, let queue): "Printed on \(queue)."
        case .failedOver(_, let queue, let reason): "\(queue) failed (\(reason)); sending to the next printer."
        case .waiting(_, let reason): "Waiting: \(reason)."
        case .failed(_, let reason): "Cannot print: \(reason)."
        case .printerChanged(let queue, true, _): "\(queue) is usable again."
        case .printerChanged(let queue, false, let reason): "\(queue) is not usable\(reason.map { ": \($0)" } ?? "")."
        }
    }
}
