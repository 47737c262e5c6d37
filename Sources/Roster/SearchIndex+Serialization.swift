extension SearchIndex {
    /// Why stored bytes are not an index: a store then builds the index again.
    public struct UnreadableIndex: Error, CustomStringConvertible {
        public let description: String
    }

    /// The layout ``forEachSerializedPart(_:)`` gives: bumped whenever it or the index's meaning changes.
    static let format: UInt32 = 4

    /// Calls `body` with each part of the index's bytes in turn, read in place from its arrays (storing an index of
    /// tens of megabytes copies none of it): a header naming the format, then each of its flat arrays in this
    /// machine's byte order, so that loading is copying rather than building, one array at a time.
    public func forEachSerializedPart(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try (Array("LYSI".utf8) + [Self.format].withUnsafeBytes { Array($0) }).withUnsafeBytes(body)
        try ids.withUnsafeBytes(body)
        for array in [documentStarts, documentWords, references, places] { try array.withUnsafeBytes(body) }
        try vocabulary.bytes.withUnsafeBytes(body)
        for array in [
            vocabulary.starts, vocabulary.postings, vocabulary.postingStarts, vocabulary.nameDocumentCounts, vocabulary.trigramKeys,
            vocabulary.trigramStarts, vocabulary.trigramWords,
        ] {
            try array.withUnsafeBytes(body)
        }
    }

    /// Reads an index from ``forEachSerializedPart(_:)``'s parts, each asked for in turn from `nextPart` (nil: none left).
    /// - Throws: ``UnreadableIndex`` when the parts are of another format, too few, or do not hold together.
    public init(nextPart: () throws -> [UInt8]?) throws {
        func read<T: FixedWidthInteger>(_: T.Type) throws -> [T] {
            guard let part = try nextPart(), part.count % MemoryLayout<T>.stride == 0 else {
                throw UnreadableIndex(description: "The stored search index is cut short.")
            }
            return [T](unsafeUninitializedCapacity: part.count / MemoryLayout<T>.stride) { buffer, initialised in
                part.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
                initialised = part.count / MemoryLayout<T>.stride
            }
        }
        guard try read(UInt8.self) == Array("LYSI".utf8) + [Self.format].withUnsafeBytes({ Array($0) }) else {
            throw UnreadableIndex(description: "The stored search index is of another format.")
        }
        let (ids, documentStarts, documentWords) = (try read(Int64.self), try read(UInt32.self), try read(UInt32.self))
        let (references, places, bytes, starts) = (try read(UInt32.self), try read(UInt32.self), try read(UInt8.self), try read(UInt32.self))
        let (postings, postingStarts, nameDocumentCounts) = (try read(UInt32.self), try read(UInt32.self), try read(UInt32.self))
        let (trigramKeys, trigramStarts, trigramWords) = (try read(UInt32.self), try read(UInt32.self), try read(UInt32.self))
        // The words' own lists first: the vocabulary derives more from them as it is made.
        guard Self.ascending(starts), starts.last.map(Int.init) == bytes.count, nameDocumentCounts.count == starts.count - 1 else {
            throw UnreadableIndex(description: "The stored search index's words do not hold together.")
        }
        self.init(
            ids: ids, documentStarts: documentStarts, documentWords: documentWords, references: references, places: places,
            vocabulary: SearchVocabulary(
                bytes: bytes, starts: starts, postings: postings, postingStarts: postingStarts, nameDocumentCounts: nameDocumentCounts,
                trigramKeys: trigramKeys, trigramStarts: trigramStarts, trigramWords: trigramWords))
        guard try nextPart() == nil, holdsTogether else {
            throw UnreadableIndex(description: "The stored search index does not hold together.")
        }
    }

    private static func ascending(_ starts: [UInt32]) -> Bool {
        zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
    }

    /// Whether every list's length and last start agree, so that no lookup reads past an array.
    private var holdsTogether: Bool {
        let words = vocabulary.count
        return Self.ascending(documentStarts) && Self.ascending(vocabulary.postingStarts) && Self.ascending(vocabulary.trigramStarts)
            && ids.count == references.count && ids.count == places.count
            && documentStarts.count == ids.count + 1
            && documentStarts.last.map(Int.init) == documentWords.count
            && vocabulary.postingStarts.count == words + 1 && vocabulary.postingStarts.last.map(Int.init) == vocabulary.postings.count
            && vocabulary.nameDocumentCounts.indices.allSatisfy {
                vocabulary.nameDocumentCounts[$0] <= vocabulary.postingStarts[$0 + 1] - vocabulary.postingStarts[$0]
            }
            && vocabulary.trigramStarts.count == vocabulary.trigramKeys.count + 1
            && vocabulary.trigramStarts.last.map(Int.init) == vocabulary.trigramWords.count
            && documentWords.allSatisfy { Int($0 >> 2) < words } && references.allSatisfy { Int($0) < words }
            && vocabulary.postings.allSatisfy { Int($0) < ids.count } && vocabulary.trigramWords.allSatisfy { Int($0) < words }
    }
}
