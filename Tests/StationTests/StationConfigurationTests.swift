import DoorRules
import Foundation
import LanyardTestSupport
import Printing
import Roster
import RosterStore
import Scanning
import Station
import Testing

@Suite struct StationConfigurationTests {
    static func folder(yaml: String?) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if let yaml { try yaml.write(to: url.appendingPathComponent("station.yaml"), atomically: true, encoding: .utf8) }
        return url
    }

    @Test func flagsComeBeforeTheEnvironmentWhichComesBeforeStationYAML() throws {
        let url = try Self.folder(yaml: "station: desk-yaml\nprinters: yaml-queue\nstall-timeout: 12\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let fromFile = try StationConfiguration.resolve(.init(data: url.path), environment: [:])
        #expect(fromFile.name == "desk-yaml")
        #expect(fromFile.printers.queues == ["yaml-queue"])
        #expect(fromFile.stallTimeout == 12)
        let environment = ["LANYARD_STATION": "desk-env", "LANYARD_PRINTERS": "env-queue"]
        let fromEnvironment = try StationConfiguration.resolve(.init(data: url.path), environment: environment)
        #expect(fromEnvironment.name == "desk-env")
        #expect(fromEnvironment.printers.queues == ["env-queue"])
        let fromFlags = try StationConfiguration.resolve(.init(data: url.path, name: "desk-flag", printers: "flag-queue"), environment: environment)
        #expect(fromFlags.name == "desk-flag")
        #expect(fromFlags.printers.queues == ["flag-queue"])
        let fromDataVariable = try StationConfiguration.resolve(.init(), environment: ["LANYARD_DATA": url.path])
        #expect(fromDataVariable.data.url.standardizedFileURL.path == url.standardizedFileURL.path)
    }

    @Test func doorsAreReadFromStationYAMLWithTheirRules() throws {
        let url = try Self.folder(
            yaml: """
                doors:
                  - name: A4 front
                    session: a4
                    opens-minutes-before: 15
                  - name: Main entrance
                    area: Venue
                    capacity: 3000
                    site-exit: true
                    anti-passback: warn
                    requires-check-in: false
                scanner:
                  device: /dev/input/lanyard-scanner
                  profile: honeywell-voyager-1450g-usb-us
                  door: A4 front
                  direction: out
                """)
        defer { try? FileManager.default.removeItem(at: url) }
        let configuration = try StationConfiguration.resolve(.init(data: url.path), environment: [:])
        #expect(
            configuration.doors == [
                Door(name: "A4 front", place: .session("A4"), opensMinutesBefore: 15),
                Door(
                    name: "Main entrance", place: .area(name: "Venue", capacity: 3000), requiresCheckIn: false, antiPassback: .warn, isSiteExit: true),
            ])
        #expect(
            configuration.scanner
                == ScannerSettings(
                    device: "/dev/input/lanyard-scanner", profile: "honeywell-voyager-1450g-usb-us", door: "A4 front", direction: .out))
    }

    @Test(arguments: [
        ("printer: desk1\n", "printer"),
        ("doors:\n  - name: X\n    area: Hall\n    capacty: 4\n", "capacty"),
        ("doors:\n  - name: X\n    session: A1\n    area: Hall\n", "session or an area"),
        ("scanner:\n  device: stdin\n  layout: de\n", "layout"),
    ])
    func aWrongOrUnknownSettingIsAnErrorThatNamesIt(_ yaml: String, _ named: String) throws {
        let url = try Self.folder(yaml: yaml)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: LanyardError.self) { try StationConfiguration.resolve(.init(data: url.path), environment: [:]) }
        #expect(error?.code == .configurationError)
        #expect(error?.message.contains(named) == true, "\(error?.message ?? "")")
    }

    @Test func theShippedProfilesAreFoundAndAHardwareFolderAddsToThemOrOverridesThem() throws {
        let shipped = try HardwareCatalogue(adding: nil)
        #expect(shipped.printer(named: "zebra-zd421-203dpi")?.format == .zpl)
        #expect(try shipped.scanner(named: "honeywell-voyager-1450g-usb-us").layout == .us)
        let folder = try Self.folder(yaml: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("printers"), withIntermediateDirectories: true)
        let printers = folder.appendingPathComponent("printers")
        try "name: zebra-zd421-203dpi\ntemplate: cr80-card\ndpi: 203\nformat: zpl\nmodel: raw\n"
            .write(to: printers.appendingPathComponent("override.yaml"), atomically: true, encoding: .utf8)
        try "name: hall-a6\ntemplate: a6-insert\ndpi: 300\nformat: pdf\nmodel: everywhere\n"
            .write(to: printers.appendingPathComponent("hall.yaml"), atomically: true, encoding: .utf8)
        let catalogue = try HardwareCatalogue(adding: folder)
        #expect(catalogue.printer(named: "zebra-zd421-203dpi")?.template == "cr80-card")
        #expect(catalogue.printer(named: "hall-a6")?.template == "a6-insert")
        #expect(catalogue.printer(named: "brother-ql-820nwb") != nil)
    }

    @Test func aRouteNamingAProfileThatDoesNotExistIsAnError() async throws {
        let error = await #expect(throws: LanyardError.self) {
            _ = try await StationFixture { $0.printers = PrinterRoute("desk1=zebra-zd999, desk2") }
        }
        #expect(error?.code == .configurationError)
        #expect(error?.message.contains("zebra-zd999") == true)
    }
}
