public import Foundation

/// The sample conference bundled with Lanyard: a three-day European conference on serious organised crime with
/// 1,200 delegates, its sessions and categories. `lanyard demo` and the tests load it.
public enum SampleConference {
    /// `delegates.csv`: 1,200 delegates in Latin, Cyrillic, Greek, Armenian and Georgian scripts.
    public static var delegatesURL: URL { file("delegates") }
    /// `sessions.csv`: plenaries, seminars and the reception.
    public static var sessionsURL: URL { file("sessions") }
    /// `categories.csv`: delegate categories and which count as law enforcement.
    public static var categoriesURL: URL { file("categories") }

    private static func file(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "conference")!
    }
}
