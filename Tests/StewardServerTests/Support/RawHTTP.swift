import Foundation
import TerminologyStore
#if canImport(Glibc)
    import Glibc
#endif

/// Sends bytes exactly as given to a live server on loopback and returns the whole answer: for requests no
/// HTTP client library will form, such as a chunked body with no Content-Length.
enum RawHTTP {
    /// The exchange runs off the Swift concurrency pool (on the store-access executor): its blocking socket
    /// calls would otherwise hold one of the pool's few threads, which the server under test needs too.
    static func exchange(port: Int, _ request: [UInt8]) async throws -> String {
        try await StoreAccess.run { try blockingExchange(port: port, request) }
    }

    private static func blockingExchange(port: Int, _ request: [UInt8]) throws -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var sent = 0
        while sent < request.count {
            // The server may answer and close before the whole body is sent: that is an answer, not an error.
            let written = request[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { break }
            sent += written
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            answer += buffer[0..<count]
            if let text = String(bytes: answer, encoding: .utf8), text.contains("\r\n\r\n"), text.hasSuffix("}") { break }
        }
        return String(decoding: answer, as: UTF8.self)
    }

    /// A POST with a chunked body of `chunks` chunks of `chunkSize` bytes each.
    static func chunkedPost(path: String, headers: [String] = [], chunkSize: Int, chunks: Int) -> [UInt8] {
        var text = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        for header in headers { text += header + "\r\n" }
        text += "\r\n"
        let chunk = String(chunkSize, radix: 16) + "\r\n" + String(repeating: " ", count: chunkSize) + "\r\n"
        text += String(repeating: chunk, count: chunks) + "0\r\n\r\n"
        return Array(text.utf8)
    }
}
