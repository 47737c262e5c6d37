public import BadgeRendering
public import Foundation
import Synchronization

/// Badge templates read once and kept while their file stays as it was: a printer's every badge used to parse its
/// template's YAML again, which took most of the time of making one.
///
/// A file is read again when its modification date, size or inode changes (an editor that saves by replacing the
/// file gives it a new one), so a template edited during the event takes effect from the next badge.
public final class BadgeTemplateShelf: Sendable {
    private struct Kept {
        let file: FileState
        let template: BadgeTemplate
    }

    /// What says a file changed.
    private struct FileState: Equatable {
        let modified: Date
        let size: Int
        let inode: Int
    }

    private let kept = Mutex<[String: Kept]>([:])

    /// An empty shelf.
    public init() {}

    /// The template in the file at `url`, parsed once for as long as the file does not change.
    /// - Throws: ``LanyardError`` `templateError` when it cannot be read or parsed.
    public func template(at url: URL) throws -> BadgeTemplate {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let modified = attributes?[.modificationDate] as? Date, let size = attributes?[.size] as? Int,
            let inode = attributes?[.systemFileNumber] as? Int
        else { return try BadgeTemplate(contentsOf: url) }
        let file = FileState(modified: modified, size: size, inode: inode)
        if let known = kept.withLock({ $0[url.path] }), known.file == file { return known.template }
        let template = try BadgeTemplate(contentsOf: url)
        kept.withLock { $0[url.path] = Kept(file: file, template: template) }
        return template
    }
}
