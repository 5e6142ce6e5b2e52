import Foundation

/// The hand-made packages in `Releases/` (see `Releases/EXPECTED.md` for the facts tests assert).
enum Samples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let int20250101 = root.appendingPathComponent("Releases/SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z")
    static let int20250201 = root.appendingPathComponent("Releases/SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z")
    static let no20250215 = root.appendingPathComponent("Releases/SnomedCT_ManagedServiceNO_PRODUCTION_NO1000202_20250215T120000Z")
}
