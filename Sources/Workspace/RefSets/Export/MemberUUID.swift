import Crypto
import Foundation
import RF2

/// Name-based (version 5) UUIDs for the rows Steward writes, so a member keeps its id in every version and
/// every export: the same refset and concept always give the same UUID, and a member removed and added
/// again is the same row reactivated.
enum MemberUUID {
    /// A fixed namespace UUID for Steward's refset rows.
    private static let namespace: [UInt8] = [0x6f, 0x1c, 0x3a, 0x52, 0x8e, 0x4b, 0x5d, 0x21, 0x9a, 0x07, 0x3c, 0x55, 0x12, 0xe4, 0x8b, 0x90]

    static func make(_ name: String) -> RF2UUID {
        var hasher = Insecure.SHA1()
        hasher.update(data: namespace)
        hasher.update(data: Data(name.utf8))
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let high = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let low = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return RF2UUID(high: high, low: low)
    }

    static func member(refset: Int64, concept: Int64) -> RF2UUID { make("member|\(refset)|\(concept)") }
}
