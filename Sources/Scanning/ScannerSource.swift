/// Where a scanner's characters come from, and how they are encoded.
public enum ScannerSource: Sendable, Equatable {
    /// Standard input: a scanner typing into the terminal, or a script.
    case standardInput
    /// A USB CDC-ACM or RS-232 serial scanner (`/dev/ttyACM0`, `/dev/ttyUSB0`), put in raw mode at `baud`.
    case serial(path: String, baud: Int)
    /// A USB keyboard-wedge scanner as an evdev device (`/dev/input/event3`), grabbed exclusively so its scans do
    /// not type into other windows, its key codes read with `layout`.
    case evdev(path: String, layout: KeyboardLayout)

    /// Parses `--scanner`: `stdin`, a `/dev/input/event*` path, or any other device path (serial).
    public init(argument: String, layout: KeyboardLayout = .us, baud: Int = 9600) {
        if argument == "stdin" || argument == "-" {
            self = .standardInput
        } else if argument.hasPrefix("/dev/input/") {
            self = .evdev(path: argument, layout: layout)
        } else {
            self = .serial(path: argument, baud: baud)
        }
    }
}
