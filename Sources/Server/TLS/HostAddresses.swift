import Foundation

/// The machine's own IP addresses, read from its network interfaces: where a station listening on every address
/// is reached, and so what its certificate must name.
enum HostAddresses {
    /// Every IPv4 and IPv6 address of the machine's interfaces, as text; link-local IPv6 addresses (which need a
    /// zone, and which no browser is sent to) left out.
    static func all() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        return sequence(first: first, next: { $0.pointee.ifa_next }).compactMap { interface in
            guard let address = interface.pointee.ifa_addr else { return nil }
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { return nil }
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else { return nil }
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return text.contains("%") ? nil : text
        }
    }
}
