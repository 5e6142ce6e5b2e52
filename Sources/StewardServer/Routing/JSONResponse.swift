import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Workspace
import StewardViews

/// Builds JSON responses with one shared encoder configuration.
enum JSONResponse {
    static let contentType = "application/json; charset=utf-8"
    static let fhirContentType = "application/fhir+json; charset=utf-8"

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Workspace records carry dates: ISO 8601 UTC with milliseconds, as the workspace stores them.
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.text(date))
        }
        return encoder
    }

    static func make(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, contentType: String = contentType, headers: HTTPFields = [:]
    ) throws -> Response {
        let data = try encoder().encode(value)
        return bytes(data, status: status, contentType: contentType, headers: headers)
    }

    /// The fast path for the resources the hot routes return; same bytes as `make` would give.
    static func make(
        _ value: some JSONWritable, status: HTTPResponse.Status = .ok, contentType: String = contentType, headers: HTTPFields = [:]
    ) -> Response {
        bytes(value.jsonBytes(), status: status, contentType: contentType, headers: headers)
    }

    static func bytes(_ data: some Sequence<UInt8>, status: HTTPResponse.Status = .ok, contentType: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        var buffer = ByteBuffer()
        buffer.writeBytes(data)
        ResponseCapture.current?.body = buffer
        return Response(status: status, headers: fields, body: .init(byteBuffer: buffer))
    }
}
