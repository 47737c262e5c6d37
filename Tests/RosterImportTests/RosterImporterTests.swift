import Foundation
import Roster
import RosterImport
import RosterStore
import SampleConference
import Testing

@Suite struct RosterImporterTests {
    let files: TemporaryFiles
    let database: RosterDatabase

    init() throws {
        files = try TemporaryFiles()
        database = try RosterDatabase.inMemory()
        try database.createEvent(
            Event(
                name: "ESOCC", venue: "Arena", firstDay: "2027-03-09", dayCount: 3, timeZoneIdentifier: "Europe/London"))
    }

    private func importing(
        _ text: String, categories: String? = nil, sessions: String? = nil, mapping: String? = nil
    )
        throws -> ImportSummary
    {
        try RosterImporter(database: database).run(
            .init(
                delegates: files.write("delegates.csv", text),
                sessions: try sessions.map { try files.write("sessions.csv", $0) },
                categories: try categories.map { try files.write("categories.csv", $0) },
                mapping: try mapping.map { try files.write("mapping.yaml", $0) }))
    }

    static let header = "reference,title,first_name,last_name,native_name,organisation,country,category,email,sessions,days,status"

    @Test func theSampleConferenceImportsWithoutAProblem() throws {
        let summary = try RosterImporter(database: database).run(
            .init(
                delegates: SampleConference.delegatesURL, sessions: SampleConference.sessionsURL,
                categories: SampleConference.categoriesURL))
        #expect(summary.problems == [])
        #expect(summary.format == .lanyard)
        #expect(summary.changes.added.count == 1200)
        #expect(try database.sessions().count == 22)
        #expect(try database.categories().count == 8)
    }

    @Test func aBadRowIsReportedWithItsLineAndReasonAndTheGoodRowsStay() throws {
        let summary = try importing(
            """
            \(Self.header)
            R-1,,Ana,Popa,,Poliția Română,RO,DEL,ana@example.ro,,1,confirmed
            R-2,,Jan,Novak,,Policie,ZZ,DEL,jan@example.cz,,1,confirmed
            ,,No,Reference,,X,CZ,DEL,,,1,confirmed
            R-4,,Eva,Horvat,,MUP,HR,DEL,eva@example.hr,,9,confirmed
            R-5,,Ivo,Kos,,MUP,HR,DEL,ivo@example.hr,,1,maybe
            R-1,,Ana,Again,,X,RO,DEL,,,1,confirmed
            R-7,,Mia,Lind,,Polisen,SE,DEL,mia@example.se,,1,confirmed
            """)
        #expect(summary.rowsRead == 7)
        #expect(summary.changes.added == ["R-1", "R-7"])
        #expect(summary.problems.map(\.line) == [3, 4, 5, 6, 7])
        #expect(summary.problems[0].reason.contains("country “ZZ”"))
        #expect(summary.problems[1].reason.contains("no reference"))
        #expect(summary.problems[2].reason.contains("day “9”"))
        #expect(summary.problems[3].reason.contains("status “maybe”"))
        #expect(summary.problems[4].reason.contains("line 2"))
    }

    @Test func aLargeFileKeepsTrueLinesAndCatchesDuplicatesAcrossTheChunksItIsCheckedIn() throws {
        // Rows are checked in chunks of 2,000 on every core and written as they come; what the summary says must
        // not depend on that.
        var rows = (1...5_000).map { "R-\($0),,Ana,Popa\($0),,X,RO,\($0 % 2 == 0 ? "Early bird" : "Walk-in"),,,1,confirmed" }
        rows[2_999] = "R-10,,Ana,Again,,X,RO,Walk-in,,,1,confirmed"  // line 3,001 repeats line 11
        rows[4_499] = "R-4500,,Ana,Popa,,X,ZZ,Walk-in,,,1,confirmed"  // line 4,501
        var progress: [ImportProgress] = []
        let summary = try RosterImporter(database: database).run(
            .init(delegates: files.write("large.csv", ([Self.header] + rows).joined(separator: "\n")))
        ) { progress.append($0) }
        #expect(summary.rowsRead == 5_000)
        #expect(summary.rowsAccepted == 4_998)
        #expect(summary.problems.map(\.line) == [3_001, 4_501])
        #expect(summary.problems[0].reason.contains("line 11"))
        #expect(summary.changes.categoriesAdded.sorted() == ["EARLY-BIRD", "WALK-IN"])
        #expect(try database.delegateCount() == 4_998)
        // The row after the repeat, in the same chunk, keeps its own folded name.
        #expect(try database.search("popa3001").map(\.delegate.reference) == ["R-3001"])
        let last = try #require(progress.last)
        #expect(last.phase == .importing && last.done == 5_000 && last.total == 5_000)
    }

    @Test func aRepeatedReferenceGivesNoFlagAndProblemsStayInFileOrder() throws {
        let summary = try importing(
            """
            reference,first_name,last_name,country,category,status,flag
            R-1,Ana,Popa,RO,DEL,confirmed,
            R-1,Ana,Again,RO,DEL,confirmed,Check her passport
            R-3,Jan,Novak,ZZ,DEL,confirmed,
            R-4,Eva,Horvat,HR,DEL,confirmed,Speaker: send to room 2
            """)
        #expect(summary.problems.map(\.line) == [3, 4])
        #expect(summary.problems[0].reason.contains("line 2"))
        #expect(try database.flags(of: "R-1") == [])
        #expect(try database.flags(of: "R-4").map(\.note) == ["Speaker: send to room 2"])
    }

    @Test(arguments: [
        ("1;3", "", [1, 3]), (" 3 , 1 | 3 ", "", [1, 3]), ("2;2", "", [2]), (" ; ", "A1", [2]), ("", "A1;A2", [2, 3]),
        ("", "", [1, 2, 3]),
    ])
    func daysAreListedSortedOnceOrTakenFromTheSessions(days: String, sessions: String, expected: [Int]) throws {
        let programme = "code,day,start,end,title,room,capacity,access\nA1,2,14:00,15:30,T,R,120,registered\nA2,3,09:00,10:00,T,R,80,all\n"
        let summary = try importing(
            "\(Self.header)\nR-1,,Ana,Popa,,X,RO,DEL,,\"\(sessions)\",\"\(days)\",confirmed\n", sessions: programme)
        #expect(summary.problems == [])
        #expect(try database.delegate("R-1").days == expected)
    }

    @Test func aFileThatCannotBeReadChangesNothing() throws {
        _ = try importing("\(Self.header)\nR-1,,Ana,Popa,,X,RO,DEL,,,1,confirmed\n")
        let broken = try files.write(
            "broken.csv", data: Data("\(Self.header)\nR-2,,Jan,M".utf8) + Data([0xFF, 0xFE]) + Data(",,X,CZ,DEL,,,1,confirmed\n".utf8))
        #expect(throws: LanyardError.self) { try RosterImporter(database: database).run(.init(delegates: broken)) }
        #expect(try database.delegates().map(\.reference) == ["R-1"])
    }

    @Test func namesLoseStrayWhitespaceAndCapitalsShowInBadgeCase() throws {
        _ = try importing("\(Self.header)\nR-1,,\"  LĪGA \",\" OZOLIŅA  \",,X,LV,DEL,,,1,confirmed\n")
        let delegate = try database.delegate("R-1")
        #expect(delegate.givenName == "LĪGA")
        #expect(delegate.displayName == "Līga Ozoliņa")
    }

    @Test func categoriesMatchByCodeOrByName() throws {
        let categories = "code,name,law_enforcement\nSPK,Speaker,yes\nPRS,Press,no\n"
        let summary = try importing(
            """
            \(Self.header)
            R-1,,Ana,Popa,,X,RO,spk,,,1,confirmed
            R-2,,Jan,Novak,,X,CZ,Press,,,1,confirmed
            R-3,,Eva,Horvat,,X,HR,Early bird,,,1,confirmed
            """, categories: categories)
        #expect(try database.delegate("R-1").category == "SPK")
        #expect(try database.delegate("R-2").category == "PRS")
        #expect(summary.problems.map(\.line) == [4])
        #expect(summary.problems.first?.reason.contains("not in the categories file") == true)
    }

    @Test func withoutACategoriesFileNewCategoriesAreCreatedFromTheExport() throws {
        let summary = try importing("\(Self.header)\nR-1,,Ana,Popa,,X,RO,Early bird,,,1,confirmed\n")
        #expect(summary.changes.categoriesAdded == ["EARLY-BIRD"])
        #expect(try database.categories().map(\.name) == ["Early bird"])
        #expect(try database.delegate("R-1").category == "EARLY-BIRD")
    }

    @Test func sessionsMustExistAndGiveTheDaysWhenNoneAreListed() throws {
        let sessions = "code,day,start,end,title,room,capacity,access\nA1,2,14:00,15:30,Gun crime,Room 3A,120,registered\n"
        let summary = try importing(
            """
            \(Self.header)
            R-1,,Ana,Popa,,X,RO,DEL,,A1,,confirmed
            R-2,,Jan,Novak,,X,CZ,DEL,,Z9,,confirmed
            """, sessions: sessions)
        #expect(try database.delegate("R-1").days == [2])
        #expect(summary.problems.first?.reason.contains("“Z9”") == true)
    }

    @Test func aBadSessionRowIsReportedWithItsLine() throws {
        let sessions =
            "code,day,start,end,title,room,capacity,access\nA1,2,14:00,15:30,T,R,120,registered\nA2,2,16:00,15:00,T,R,80,all\nA3,2,16:00,17:00,T,R,80,vip-only\n"
        let summary = try importing("\(Self.header)\n", sessions: sessions)
        #expect(summary.problems.map(\.line) == [3, 4])
        #expect(try database.sessions().map(\.code) == ["A1"])
    }

    @Test func reimportingANewerExportUpdatesCancelsAndAddsWithoutLosingCheckIns() throws {
        _ = try importing(
            """
            \(Self.header)
            R-1,,Ana,Popa,,X,RO,DEL,,,1,confirmed
            R-2,,Jan,Novak,,X,CZ,DEL,,,1,confirmed
            R-3,,Eva,Horvat,,X,HR,DEL,,,1,confirmed
            """)
        _ = try database.checkIn(reference: "R-1", station: "desk-1")
        let summary = try importing(
            """
            \(Self.header)
            R-1,,Ana,Popa-Ionescu,,X,RO,DEL,,,1,confirmed
            R-2,,Jan,Novak,,X,CZ,DEL,,,1,cancelled
            R-3,,Eva,Horvat,,X,HR,DEL,,,1,confirmed
            R-4,,Ivo,Kos,,X,HR,DEL,,,1,confirmed
            """)
        #expect(summary.changes.updated == ["R-1"])
        #expect(summary.changes.cancelled == ["R-2"])
        #expect(summary.changes.added == ["R-4"])
        #expect(summary.changes.unchanged == 1)
        #expect(try database.delegate("R-1").familyName == "Popa-Ionescu")
        #expect(try database.logEntries(kind: .checkIn).map(\.reference) == ["R-1"])
        #expect(try database.search("popa-ionescu").first?.delegate.reference == "R-1")
        #expect(try database.search("novak").first?.delegate.status == .cancelled)
        let again = try importing(
            """
            \(Self.header)
            R-1,,Ana,Popa-Ionescu,,X,RO,DEL,,,1,confirmed
            R-2,,Jan,Novak,,X,CZ,DEL,,,1,confirmed
            """)
        #expect(again.changes.reinstated == ["R-2"])
        #expect(again.changes.unchanged == 1)
        #expect(try database.delegateCount() == 4)
    }

    @Test func aPretixExportIsRecognised() throws {
        let summary = try importing(
            """
            Order code,Position ID,Status,Email,Product,Attendee name: Title,Attendee name: Given name,Attendee name: Family name,Company,Country
            XJ3KD,1,p,ana@example.ro,Speaker,Dr,Ana,Popa,Poliția Română,RO
            XJ3KD,2,c,jan@example.cz,Delegate,,Jan,Novak,Policie,CZ
            """)
        #expect(summary.format == .pretix)
        #expect(summary.problems == [])
        let ana = try database.delegate("XJ3KD-1")
        #expect(ana.givenName == "Ana" && ana.familyName == "Popa" && ana.title == "Dr" && ana.category == "SPEAKER")
        #expect(try database.delegate("XJ3KD-2").status == .cancelled)
    }

    @Test func anEventbriteExportIsRecognised() throws {
        let summary = try importing(
            """
            Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Barcode #,Attendee Status,Company,Work Country
            1234567,2027-01-10,Ana,Popa,ana@example.ro,1,General Admission,987654321,98765432101,Attending,Poliția Română,Romania
            1234568,2027-01-11,Jan,Novak,jan@example.cz,1,General Admission,987654322,98765432201,Not Attending,Policie,Czechia
            """)
        #expect(summary.format == .eventbrite)
        #expect(summary.problems == [])
        #expect(try database.delegate("987654321").country == "RO")
        #expect(try database.delegate("987654322").status == .cancelled)
    }

    @Test func anIndicoExportIsRecognised() throws {
        let summary = try importing(
            """
            ID,First Name,Last Name,Email Address,Affiliation,Position,Country,Registration date,Registration state
            17,Ana,Popa,ana@example.ro,Poliția Română,Inspector,RO,2027-01-10,complete
            18,Jan,Novak,jan@example.cz,Policie,Officer,CZ,2027-01-11,withdrawn
            """)
        #expect(summary.format == .indico)
        #expect(summary.problems == [])
        #expect(try database.delegate("17").organisation == "Poliția Română")
        #expect(try database.delegate("17").category == "DELEGATE")
        #expect(try database.delegate("18").status == .cancelled)
    }

    @Test func aMappingFileNamesTheColumnsOfAnyOtherFile() throws {
        let summary = try importing(
            """
            Buchungsnummer;Vorname;Nachname;Kategorie;Land
            B-1;Jürgen;Weiß;DEL;DE
            """,
            mapping: """
                columns:
                  reference: Buchungsnummer
                  givenName: Vorname
                  familyName: Nachname
                  category: Kategorie
                  country: Land
                """)
        #expect(summary.problems == [])
        #expect(try database.delegate("B-1").familyName == "Weiß")
    }

    @Test func aFileWithoutRecognisableColumnsSaysToUseAMapping() throws {
        let error = #expect(throws: LanyardError.self) { try importing("Buchungsnummer;Nachname\nB-1;Weiß\n") }
        #expect(error?.remedy?.contains("mapping file") == true)
    }

    @Test func aRowWithAStrayQuoteIsImportedAsWrittenWithTheRestOfTheFile() throws {
        let summary = try importing(
            """
            \(Self.header)
            R-1,,John "Jack",Smith,,X,GB,DEL,,,1,confirmed
            R-2,,Ana,Popa,,X,RO,DEL,,,1,confirmed
            """)
        #expect(summary.problems == [])
        #expect(try database.delegate("R-1").givenName == "John \"Jack\"")
        #expect(try database.delegateCount() == 2)
    }

    @Test func aRowWhoseStrayQuoteMisalignsItsFieldsIsReportedByItsLineAndTheRestIsImported() throws {
        let summary = try importing(
            """
            \(Self.header)
            R-1,,"Ana,Popa,,X,RO,DEL,,,1,confirmed,extra
            R-2,,Jan,Novak,,X,CZ,DEL,,,1,confirmed
            """)
        #expect(summary.problems.map(\.line) == [2])
        #expect(summary.problems.first?.reason.contains("quote") == true)
        #expect(try database.delegates().map(\.reference) == ["R-2"])
    }

    @Test func aReferenceLongerThanABadgeCarriesIsRefusedByItsLine() throws {
        let long = String(repeating: "R", count: Delegate.maximumReferenceLength + 1)
        let summary = try importing("\(Self.header)\n\(long),,Ana,Popa,,X,RO,DEL,,,1,confirmed\nR-2,,Jan,Novak,,X,CZ,DEL,,,1,confirmed\n")
        #expect(summary.problems.map(\.line) == [2])
        #expect(summary.problems.first?.reason.contains("badge") == true)
        #expect(try database.delegateCount() == 1)
    }

    @Test(arguments: ["Maria de la Cruz Fernández", "KIM Min-jun", "Sabine von Gross-Lüdenscheidt"])
    func aNameInOneColumnIsKeptWholeAndFoundByEachOfItsWords(_ name: String) throws {
        let summary = try importing("reference,name,category\nR-1,\(name),DEL\n")
        #expect(summary.problems == [])
        let delegate = try database.delegate("R-1")
        #expect(delegate.fullName == name)
        #expect(delegate.givenName.isEmpty && delegate.familyName.isEmpty)
        for word in name.split(separator: " ") {
            #expect(try database.search(String(word)).map(\.delegate.reference).contains("R-1"), "\(word)")
        }
    }
}
