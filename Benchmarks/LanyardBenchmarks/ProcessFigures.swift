import Foundation

/// What another process (a `lanyard serve` under measurement) costs, read from `/proc`.
enum ProcessFigures {
    /// User and system CPU seconds of a process so far (`/proc/PID/stat`, in clock ticks of 1/100 s).
    static func cpuSeconds(of pid: Int32) -> Double {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        // After the command's closing parenthesis: state is field 3, utime 14 and stime 15.
        guard fields.count > 12 else { return 0 }
        return ((Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)) / 100
    }

    /// `VmHWM` and `VmRSS` of a process, in MiB.
    static func memory(of pid: Int32) -> (peak: Double, current: Double) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func value(_ field: String) -> Double {
            let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
            return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
        }
        return (value("VmHWM"), value("VmRSS"))
    }
}
