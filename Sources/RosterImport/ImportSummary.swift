public import RosterStore

/// What an import did: the rows it read, what changed in the store, and the rows it skipped and why.
public struct ImportSummary: Codable, Sendable, Equatable {
    /// The export format the delegates file was recognised as.
    public var format: RegistrationExport
    /// Data rows read from the delegates file.
    public var rowsRead: Int
    /// Rows imported (or found unchanged).
    public var rowsAccepted: Int
    public var changes: RosterChanges
    /// Skipped rows, each with its line and reason.
    public var problems: [RowProblem]
}
