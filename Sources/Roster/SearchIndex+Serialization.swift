extension SearchIndex {
    /// Why stored bytes are not an index: a store then builds the index again.
    public struct UnreadableIndex: Error, CustomStringConvertible {
        public let description: String
    }

    /// The layout ``serialized()`` writes: bumped whenever it or the index's meaning changes.
    static let format: UInt32 = 1

    /// The index as bytes: its flat arrays one after another, each with its length, in this machine's byte order,
    /// so that loading is copying rather than building.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = Array("LYSI".utf8)
        func append<T: FixedWidthInteger>(_ array: [T]) {
            withUnsafeBytes(of: UInt64(array.count).littleEndian) { out += $0 }
            array.withUnsafeBytes { out += $0 }
        }
        append([Self.format])
        append(ids)
        append(documentStarts)
        append(documentWords)
        append(references)
        append(places)
        append(vocabulary.bytes)
        append(vocabulary.starts)
        append(vocabulary.postings)
        append(vocabulary.postingStarts)
        append(vocabulary.nameWords)
        append(vocabulary.trigramKeys)
        append(vocabulary.trigramStarts)
        append(vocabulary.trigramWords)
        append(vocabulary.nameAlphabet)
        return out
    }

    /// Reads an index from ``serialized()``'s bytes.
    /// - Throws: ``UnreadableIndex`` when the bytes are of another format or do not hold together.
    public init(serialized bytes: UnsafeRawBufferPointer) throws {
        var offset = 4
        func read<T: FixedWidthInteger>(_: T.Type) throws -> [T] {
            guard offset + 8 <= bytes.count else { throw UnreadableIndex(description: "The search index is cut short.") }
            let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
            guard let count = Int(exactly: stored), count <= bytes.count, offset + count * MemoryLayout<T>.stride <= bytes.count else {
                throw UnreadableIndex(description: "The search index is cut short.")
            }
            let size = count * MemoryLayout<T>.stride
            let array = [T](unsafeUninitializedCapacity: count) { buffer, initialised in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + size)]))
                initialised = count
            }
            offset += size
            return array
        }
        guard bytes.starts(with: Array("LYSI".utf8)), try read(UInt32.self) == [Self.format] else {
            throw UnreadableIndex(description: "The stored search index is of another format.")
        }
        self.init(
            ids: try read(Int64.self), documentStarts: try read(UInt32.self), documentWords: try read(UInt32.self),
            references: try read(UInt32.self), places: try read(UInt32.self),
            vocabulary: SearchVocabulary(
                bytes: try read(UInt8.self), starts: try read(UInt32.self), postings: try read(UInt32.self),
                postingStarts: try read(UInt32.self), nameWords: try read(UInt8.self), trigramKeys: try read(UInt32.self),
                trigramStarts: try read(UInt32.self), trigramWords: try read(UInt32.self), nameAlphabet: try read(UInt8.self)))
        guard holdsTogether else { throw UnreadableIndex(description: "The stored search index does not hold together.") }
    }

    /// Whether every list's length and last start agree, so that no lookup reads past an array.
    private var holdsTogether: Bool {
        let words = vocabulary.count
        func ascending(_ starts: [UInt32]) -> Bool { zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 } }
        return ascending(documentStarts) && ascending(vocabulary.starts) && ascending(vocabulary.postingStarts)
            && ascending(vocabulary.trigramStarts) && ids.count == references.count && ids.count == places.count
            && documentStarts.count == ids.count + 1
            && documentStarts.last.map(Int.init) == documentWords.count && vocabulary.starts.last.map(Int.init) == vocabulary.bytes.count
            && vocabulary.postingStarts.count == words + 1 && vocabulary.postingStarts.last.map(Int.init) == vocabulary.postings.count
            && vocabulary.nameWords.count == words && vocabulary.trigramStarts.count == vocabulary.trigramKeys.count + 1
            && vocabulary.trigramStarts.last.map(Int.init) == vocabulary.trigramWords.count
            && documentWords.allSatisfy { Int($0 >> 2) < words } && references.allSatisfy { Int($0) < words }
            && vocabulary.postings.allSatisfy { Int($0) < ids.count } && vocabulary.trigramWords.allSatisfy { Int($0) < words }
    }
}
