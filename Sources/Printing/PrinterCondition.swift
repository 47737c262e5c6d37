/// What a label printer says of itself when asked directly (beyond what its CUPS queue knows).
public enum PrinterCondition: Sendable, Equatable {
    /// It can print; `isIdle` when no label is left inside it.
    case ready(isIdle: Bool)
    /// It cannot print, and why (`paper out`, `head open` …); `isIdle` when no label is left inside it (the last one
    /// came out before the fault).
    case fault([String], isIdle: Bool)
    /// It did not answer: off, unplugged, or hung.
    case unreachable(String)
}
