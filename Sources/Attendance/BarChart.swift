import Foundation

/// A bar chart drawn as SVG on the server (arrivals per quarter hour, per day): no script needed to show it, and
/// the same picture in every browser. Each bar carries its label and value as `data-` attributes and a `<title>`.
public struct BarChart: Sendable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Int
        /// Whether the bar's label is written under the axis (every hour, not every quarter).
        public var isLabelled: Bool

        public init(label: String, value: Int, isLabelled: Bool = true) {
            self.label = label
            self.value = value
            self.isLabelled = isLabelled
        }
    }

    public var bars: [Bar]
    /// What the chart shows, for screen readers.
    public var title: String
    public var width = 720.0
    public var height: Double

    public init(bars: [Bar], title: String, height: Double = 220) {
        self.bars = bars
        self.title = title
        self.height = height
    }

    /// The chart as an `<svg>` element.
    public var svg: String {
        let (left, right, top, bottom) = (36.0, 8.0, 10.0, 26.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let axisTop = Self.niceMaximum(bars.map(\.value).max() ?? 0)
        let step = plotWidth / Double(max(bars.count, 1))
        var parts = [
            #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" class="bar-chart" data-total="\#(bars.reduce(0) { $0 + $1.value })">"#,
            "<title>\(Self.escaped(title))</title>",
        ]
        for tick in 0...4 {
            let value = axisTop * tick / 4
            let y = top + plotHeight - plotHeight * Double(tick) / 4
            parts.append(#"<line class="grid" x1="\#(left)" x2="\#(width - right)" y1="\#(Self.number(y))" y2="\#(Self.number(y))"/>"#)
            parts.append(#"<text class="axis" x="\#(left - 6)" y="\#(Self.number(y + 4))" text-anchor="end">\#(value)</text>"#)
        }
        for (index, bar) in bars.enumerated() {
            let barHeight = axisTop == 0 ? 0 : plotHeight * Double(bar.value) / Double(axisTop)
            let x = left + step * Double(index)
            parts.append(
                #"<rect class="bar" x="\#(Self.number(x + step * 0.12))" y="\#(Self.number(top + plotHeight - barHeight))" width="\#(Self.number(step * 0.76))" height="\#(Self.number(barHeight))" data-label="\#(Self.escaped(bar.label))" data-value="\#(bar.value)"><title>\#(Self.escaped(bar.label)): \#(bar.value)</title></rect>"#
            )
            if bar.isLabelled {
                parts.append(
                    #"<text class="axis" x="\#(Self.number(x + step / 2))" y="\#(Self.number(height - 8))" text-anchor="middle">\#(Self.escaped(bar.label))</text>"#
                )
            }
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// A round number at or above `value` for the top of the axis: 4, 8, 20, 40, 100 …, divisible by 4.
    static func niceMaximum(_ value: Int) -> Int {
        guard value > 4 else { return 4 }
        var unit = 1
        while unit * 10 < value { unit *= 10 }
        for multiple in [1, 2, 4, 5, 8, 10] where unit * multiple >= value && (unit * multiple) % 4 == 0 { return unit * multiple }
        return unit * 20
    }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
