import Foundation

/// Prints a benchmark's report: the machine, build and date first, then the figures as text or as one JSON line.
struct BenchmarkOutput {
    let json: Bool

    func report(_ value: some Encodable, text: () -> String) throws {
        let machine = "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(Self.build) build, \(Date().formatted(.iso8601))"
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(BenchmarkLine(machine: machine, report: value)), as: UTF8.self))
        } else {
            print("Machine: \(machine)\n" + text())
        }
    }

    static var build: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }
}

/// The `--json` line of a benchmark: `{machine, report}`.
struct BenchmarkLine<Report: Encodable>: Encodable {
    let machine: String
    let report: Report
}

/// Percentiles of measured durations, in milliseconds.
struct Latencies {
    private let sorted: [Double]

    init(_ durations: [Duration]) {
        sorted = durations.map(\.milliseconds).sorted()
    }

    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    var max: Double { sorted.last ?? 0 }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}

/// The process's peak resident memory (Linux reports `ru_maxrss` in KiB).
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func format(_ value: Double, _ decimals: Int = 2) -> String {
    String(format: "%.\(decimals)f", value)
}
