internal import CCups
public import Foundation
import Roster

/// A connection to a CUPS server (the system's, or `CUPS_SERVER`'s) through libcups.
///
/// Owns the `http_t` and closes it in `deinit`. It connects on first use, not when made, so that a print request
/// can be stored while CUPS is down, and connects again after CUPS comes back. Every request holds a lock, since
/// libcups connections are not thread-safe, and first points libcups's per-thread default server at this
/// connection's, since some calls (`cupsPrintFile2` looks the queue up) use that default rather than the
/// connection, and an async caller may run each request on another thread.
public final class CupsConnection: BadgePrinter, @unchecked Sendable {
    // @unchecked: `http` is used only while holding `lock`.
    private var http: OpaquePointer?
    private let lock = NSLock()
    /// The server, as `host:port` or a socket path.
    public let server: String

    /// - Parameter server: `host:port`; by default `CUPS_SERVER`, else the system's server.
    public init(server: String? = nil) {
        if let server {
            self.server = server
        } else {
            let host = String(cString: cupsServer())
            self.server = host.hasPrefix("/") ? host : "\(host):\(ippPort())"
        }
    }

    deinit {
        if let http { httpClose(http) }
    }

    public func printers() throws -> [PrinterStatus] {
        try exclusively { _ in
            let request = ippNewRequest(IPP_OP_CUPS_GET_PRINTERS)
            let wanted = [
                "printer-name", "printer-state", "printer-state-reasons", "printer-state-message", "printer-is-accepting-jobs", "device-uri",
                "printer-make-and-model", "media-supported", "media-default", "document-format-supported",
            ]
            _ = Self.withCStrings(wanted) {
                ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", Int32(wanted.count), nil, $0)
            }
            let response: OpaquePointer
            do {
                response = try perform(request, "/", what: "list printers")
            } catch let error as LanyardError where error.code == .printJobUnknown {
                return []  // CUPS answers "not found" when it has no queue at all
            }
            defer { ippDelete(response) }
            var printers: [PrinterStatus] = []
            var current: [String: [String]] = [:]
            var attribute = ippFirstAttribute(response)
            func flush() {
                if let name = current["printer-name"]?.first { printers.append(Self.status(name: name, current)) }
                current = [:]
            }
            while let found = attribute {
                if let name = ippGetName(found) {
                    current[String(cString: name)] = Self.values(of: found)
                } else {
                    flush()
                }
                attribute = ippNextAttribute(response)
            }
            flush()
            return printers.sorted { $0.name < $1.name }
        }
    }

    public func submit(_ document: URL, format: DocumentFormat, to queue: String, title: String, options: [String: String]) throws -> Int {
        try exclusively { http in
            var count: Int32 = 0
            var list: UnsafeMutablePointer<cups_option_t>?
            for (name, value) in options { count = cupsAddOption(name, value, count, &list) }
            if format == .raw { count = cupsAddOption("raw", "true", count, &list) }
            defer { cupsFreeOptions(count, list) }
            let id = cupsPrintFile2(http, queue, document.path, title, count, list)
            guard id > 0 else { throw lastError("send \(title) to \(queue)") }
            return Int(id)
        }
    }

    public func job(_ id: Int, on queue: String) throws -> PrintJobStatus {
        try exclusively { _ in
            let request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES)
            ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, "ipp://localhost/printers/\(queue)")
            ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", Int32(id))
            ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
            let response = try perform(request, "/", what: "follow job \(id) on \(queue)")
            defer { ippDelete(response) }
            let state = ippFindAttribute(response, "job-state", IPP_TAG_ENUM).map { ippGetInteger($0, 0) } ?? 9
            let reasons = ippFindAttribute(response, "job-state-reasons", IPP_TAG_KEYWORD).map(Self.values(of:)) ?? []
            return PrintJobStatus(state: .init(ipp: state), reasons: reasons)
        }
    }

    public func findJob(titled title: String, on queue: String) throws -> Int? {
        try exclusively { _ in
            let request = ippNewRequest(IPP_OP_GET_JOBS)
            ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, "ipp://localhost/printers/\(queue)")
            ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "which-jobs", nil, "all")
            // As the jobs' owner: CUPS hides the names of other users' jobs.
            ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
            _ = Self.withCStrings(["job-id", "job-uri", "job-name"]) {
                ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 3, nil, $0)
            }
            let response = try perform(request, "/", what: "list jobs on \(queue)")
            defer { ippDelete(response) }
            // Each job is a group of attributes; find the group whose name matches and take its id (or the
            // number at the end of its URI).
            var id: Int?
            var matches = false
            var attribute = ippFirstAttribute(response)
            while true {
                guard let found = attribute, let name = ippGetName(found) else {
                    if matches, let id { return id }
                    (id, matches) = (nil, false)
                    guard attribute != nil else { return nil }
                    attribute = ippNextAttribute(response)
                    continue
                }
                switch String(cString: name) {
                case "job-id": id = Int(ippGetInteger(found, 0))
                case "job-uri": id = id ?? ippGetString(found, 0, nil).flatMap { Int(String(cString: $0).split(separator: "/").last ?? "") }
                case "job-name": matches = ippGetString(found, 0, nil).map { String(cString: $0) } == title
                default: break
                }
                attribute = ippNextAttribute(response)
            }
        }
    }

    public func cancel(_ id: Int, on queue: String) throws {
        try exclusively { http in
            guard cupsCancelJob2(http, queue, Int32(id), 1) == IPP_STATUS_OK else {
                let status = cupsLastError()
                // Already finished or gone: nothing left to cancel.
                if status == IPP_STATUS_ERROR_NOT_POSSIBLE || status == IPP_STATUS_ERROR_NOT_FOUND { return }
                throw lastError("cancel job \(id) on \(queue)")
            }
        }
    }

    /// Runs `body` holding the lock, connected, with libcups's per-thread default server set to this connection's.
    private func exclusively<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        try lock.withLock {
            cupsSetServer(server)
            return try body(try connected())
        }
    }

    /// The connection, made now if there is none yet.
    private func connected() throws -> OpaquePointer {
        if let http { return http }
        let (host, port) =
            server.hasPrefix("/")
            ? (server, ippPort()) : (String(server.prefix { $0 != ":" }), Int32(server.split(separator: ":").last ?? "") ?? ippPort())
        guard let http = httpConnect2(host, port, nil, AF_UNSPEC, cupsEncryption(), 1, 5_000, nil) else {
            throw Self.unavailable()
        }
        self.http = http
        return http
    }

    private func perform(_ request: OpaquePointer?, _ resource: String, what: String) throws -> OpaquePointer {
        guard let response = cupsDoRequest(try connected(), request, resource) else { throw lastError(what) }
        guard ippGetStatusCode(response).rawValue < 0x0400 else {
            ippDelete(response)
            throw lastError(what)
        }
        return response
    }

    /// The last request's error: CUPS not answering, a job or queue CUPS does not know, or another failure.
    private func lastError(_ what: String) -> LanyardError {
        let status = cupsLastError()
        if status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || status == IPP_STATUS_ERROR_INTERNAL && httpError(http) != 0 {
            return Self.unavailable()
        }
        let message = "CUPS could not \(what): \(String(cString: cupsLastErrorString()))."
        if status == IPP_STATUS_ERROR_NOT_FOUND {
            return LanyardError(.printJobUnknown, message, remedy: "Check the queue's name and its jobs with lpstat.")
        }
        return LanyardError(.printSystemFailure, message, remedy: "Check the queue with lpstat.")
    }

    private static func unavailable() -> LanyardError {
        LanyardError(
            .printSystemFailure, "The print system (CUPS) is not answering.",
            remedy: "Start CUPS (systemctl start cups); badges wait in the queue and print when it is back.")
    }

    private static func values(of attribute: OpaquePointer) -> [String] {
        (0..<ippGetCount(attribute)).map { index in
            switch ippGetValueTag(attribute) {
            case IPP_TAG_ENUM, IPP_TAG_INTEGER: String(ippGetInteger(attribute, index))
            case IPP_TAG_BOOLEAN: ippGetBoolean(attribute, index) != 0 ? "true" : "false"
            default: ippGetString(attribute, index, nil).map { String(cString: $0) } ?? ""
            }
        }
    }

    private static func status(name: String, _ values: [String: [String]]) -> PrinterStatus {
        let state: PrinterStatus.State =
            switch values["printer-state"]?.first {
            case "4": .processing
            case "5": .stopped
            default: .idle
            }
        return PrinterStatus(
            name: name, state: state, reasons: (values["printer-state-reasons"] ?? []).filter { $0 != "none" },
            message: values["printer-state-message"]?.first.flatMap { $0.isEmpty ? nil : $0 },
            isAcceptingJobs: values["printer-is-accepting-jobs"]?.first == "true",
            deviceURI: values["device-uri"]?.first ?? "", makeAndModel: values["printer-make-and-model"]?.first ?? "",
            mediaSupported: values["media-supported"] ?? [], mediaDefault: values["media-default"]?.first,
            formatsSupported: values["document-format-supported"] ?? [])
    }

    private static func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
        let pointers = strings.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        return pointers.map { UnsafePointer($0) }.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
