import Foundation

/// A scratch folder for files a test writes; removed when the value is released.
final class TemporaryFiles {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes `text` (or raw `data`) to a file named `name` and returns its URL.
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, data: Data(text.utf8))
    }

    func write(_ name: String, data: Data) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }
}
