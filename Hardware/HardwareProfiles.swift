public import Foundation

/// The printer and scanner profiles that ship with Lanyard (`Hardware/printers`, `Hardware/scanners`), as package
/// resources: found beside the binary wherever it runs, not looked up from the working directory.
public enum HardwareProfiles {
    /// The shipped printer profiles' folder.
    public static var printersFolder: URL { folder("printers") }
    /// The shipped scanner profiles' folder.
    public static var scannersFolder: URL { folder("scanners") }

    private static func folder(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent(name, isDirectory: true)
    }
}
