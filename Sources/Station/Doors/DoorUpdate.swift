/// What a door shows as its scanner is read: a verdict, a note about the scanner, or a scan that could not be
/// decided.
public enum DoorUpdate: Sendable, Equatable {
    case verdict(ScanView)
    case note(String)
    case problem(String)
}
