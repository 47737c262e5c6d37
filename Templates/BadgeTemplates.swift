public import Foundation

/// The badge templates shipped in `Templates/badges/`, one YAML file per label stock.
public enum BadgeTemplates {
    /// The folder holding the shipped templates.
    public static var folder: URL {
        Bundle.module.resourceURL!.appendingPathComponent("badges", isDirectory: true)
    }

    /// The template file named `name` (without `.yaml`).
    public static func url(named name: String) -> URL {
        folder.appendingPathComponent(name + ".yaml")
    }

    /// The names of all shipped templates.
    public static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }
}
