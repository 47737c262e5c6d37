import ArgumentParser
import DelimitedText
import Foundation
import Roster
import Station

extension Lanyard {
    /// `lanyard confirmations`: the signed confirmation codes for the registration system to mail, as QR codes.
    struct Confirmations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write each delegate's confirmation code (for the QR code of their confirmation e-mail) as CSV.",
            discussion: """
                A kiosk accepts a delegate's confirmation code as proof of who they are; the desk opens the delegate \
                it names. Codes are signed with the event's key, so only a desk holding it can make them.
                """)

        @OptionGroup var station: StationOptions
        @Option(help: "The CSV file to write: reference, email, code.") var out: String

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let codes = try await station.open().confirmationCodes()
                var csv = CSVWriter(header: ["reference", "email", "code"])
                for (delegate, code) in codes { csv.append([delegate.reference, delegate.email, code]) }
                try csv.text.write(to: URL(fileURLWithPath: out), atomically: true, encoding: .utf8)
                struct Answer: Encodable {
                    let file: String
                    let codes: Int
                }
                try output.answer(Answer(file: out, codes: codes.count)) { "\(codes.count) confirmation codes written to \(out)." }
            }
        }
    }
}
