import Foundation

/// The one order every station gives the entries of the merged log, whatever order they arrived in: by time, then
/// by the station's name, then by the station's own sequence number (none first), then by id. Where two stations' edits of one delegate conflict (two name corrections, two
/// reprints), the later in this order wins, and the other stays in the history.
public enum LogOrder {
    /// Whether `a` comes before `b`, first by `key` (a badge's serial) when one is given.
    public static func precedes(_ a: LogEntry, _ b: LogEntry, by key: (LogEntry) -> Int = { _ in 0 }) -> Bool {
        let (keyA, keyB) = (key(a), key(b))
        if keyA != keyB { return keyA < keyB }
        if a.at != b.at { return a.at < b.at }
        if a.station != b.station { return a.station < b.station }
        if a.sequence != b.sequence { return (a.sequence ?? 0) < (b.sequence ?? 0) }
        return a.id.uuidString < b.id.uuidString
    }
}
