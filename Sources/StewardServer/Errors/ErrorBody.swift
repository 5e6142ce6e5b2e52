/// The JSON body of every `/api` error: `{"status": 404, "error": "Not Found", "message": "..."}`.
public struct ErrorBody: Codable, Sendable, Equatable {
    public var status: Int
    public var error: String
    public var message: String
    public var currentVersion: Int?
    public var position: ErrorPosition?
}
