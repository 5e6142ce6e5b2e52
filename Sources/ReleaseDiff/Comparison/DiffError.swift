/// A diff, delta or impact report could not be produced; the message names the release or file at fault.
public struct DiffError: Error, CustomStringConvertible, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
