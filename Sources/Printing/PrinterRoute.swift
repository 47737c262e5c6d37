/// A station's printers in order of preference, as written in `--printers` or `$LANYARD_PRINTERS`:
/// `desk3-zebra=zebra-zd421-203dpi, hall-a6`. Each entry is a CUPS queue, followed by `=` and the profile of its
/// printer when the queue is not named after its profile.
public struct PrinterRoute: Sendable, Equatable {
    /// The queues, primary first.
    public var queues: [String]
    /// Queue name → profile name, for the entries that give one.
    public var profiles: [String: String]

    public init(_ text: String) {
        queues = []
        profiles = [:]
        for entry in text.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingPrefix(while: \.isWhitespace) }
                .map { String($0.reversed().trimmingPrefix(while: \.isWhitespace).reversed()) }
            guard let queue = parts.first, !queue.isEmpty else { continue }
            queues.append(queue)
            if parts.count == 2, !parts[1].isEmpty { profiles[queue] = parts[1] }
        }
    }
}
