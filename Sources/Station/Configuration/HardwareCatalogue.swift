public import Foundation
import HardwareProfiles
public import Printing
import Roster
public import Scanning

/// The printer and scanner profiles a station knows: the ones shipped with Lanyard, plus those of a hardware
/// folder, which add to them or override them by name.
public struct HardwareCatalogue: Sendable {
    public let printers: [PrinterProfile]
    public let scanners: [ScannerProfile]

    /// - Parameter folder: A folder with `printers/` and `scanners/` of its own, or nil.
    /// - Throws: ``LanyardError`` `configurationError` naming a profile that cannot be read.
    public init(adding folder: URL?) throws {
        func merged<Profile>(_ shipped: [Profile], _ added: [Profile], name: KeyPath<Profile, String>) -> [Profile] {
            let addedNames = Set(added.map { $0[keyPath: name] })
            return shipped.filter { !addedNames.contains($0[keyPath: name]) } + added
        }
        do {
            printers = merged(
                try PrinterProfile.all(in: HardwareProfiles.printersFolder),
                try folder.map { try PrinterProfile.all(in: $0.appendingPathComponent("printers")) } ?? [], name: \.name)
            scanners = merged(
                try ScannerProfile.all(in: HardwareProfiles.scannersFolder),
                try folder.map { try ScannerProfile.all(in: $0.appendingPathComponent("scanners")) } ?? [], name: \.name)
        } catch let error as ScannerError {
            throw LanyardError(.configurationError, error.message, remedy: error.remedy, cause: error)
        }
    }

    /// The printer profile named `name`.
    public func printer(named name: String) -> PrinterProfile? {
        printers.first { $0.name == name }
    }

    /// The scanner profile named `name`.
    /// - Throws: ``LanyardError`` `notFound` naming the known profiles.
    public func scanner(named name: String) throws -> ScannerProfile {
        guard let profile = scanners.first(where: { $0.name == name }) else {
            throw LanyardError(
                .notFound, "There is no scanner profile “\(name)”.",
                remedy: "Known profiles: \(scanners.map(\.name).joined(separator: ", ")).")
        }
        return profile
    }

    /// Checks that every profile `route` names exists.
    /// - Throws: ``LanyardError`` `configurationError` naming the queue and the missing profile.
    public func check(_ route: PrinterRoute) throws {
        for (queue, profile) in route.profiles.sorted(by: { $0.key < $1.key }) where printer(named: profile) == nil {
            throw LanyardError(
                .configurationError, "The printer route gives the queue \(queue) the profile “\(profile)”, which does not exist.",
                remedy: "Known profiles: \(printers.map(\.name).joined(separator: ", ")).")
        }
    }
}
