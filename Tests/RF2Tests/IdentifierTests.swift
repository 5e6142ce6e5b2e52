import RF2
import Testing

@Suite struct IdentifierTests {
    @Test(
        arguments: [
            138875005, 116680003, 900000000000003001, 900000000000509007, 900000000000207008, 22298006, 404684003, 51000202101,
            61000202103, 91000202106, 57091000202101, 47351000202107, 188001000202106, 733073007, 1186924009,
        ] as [Int64])
    func knownIdsAreValid(_ id: Int64) {
        #expect(SCTID.isValid(id))
        #expect(Verhoeff.isValid(UInt64(id)))
    }

    @Test func checkDigitsOfTheSpecificationExamples() {
        #expect(Verhoeff.checkDigit(for: 13887500) == 5)
        #expect(Verhoeff.checkDigit(for: 11668000) == 3)
        #expect(Verhoeff.checkDigit(for: 90000000000003500) == 1)
    }

    @Test(arguments: [138875004, 116680001, 900000000000003002, 22298007, 61000202104] as [Int64])
    func wrongCheckDigitIsInvalid(_ id: Int64) {
        #expect(!SCTID.isValid(id))
    }

    @Test func everySingleDigitErrorAndAdjacentSwapIsCaught() {
        let digits = Array(String(900000000000509007))
        for index in digits.indices {
            for replacement in "0123456789" where replacement != digits[index] {
                var changed = digits
                changed[index] = replacement
                if let value = UInt64(String(changed)) { #expect(!Verhoeff.isValid(value)) }
            }
            if index + 1 < digits.count, digits[index] != digits[index + 1] {
                var swapped = digits
                swapped.swapAt(index, index + 1)
                #expect(!Verhoeff.isValid(UInt64(String(swapped))!))
            }
        }
    }

    @Test func partitionsAndNamespaces() {
        #expect(SCTID.partition(of: 138875005) == .concept)
        #expect(SCTID.partition(of: 900000000000003001)?.componentKind == .concept)
        #expect(SCTID.partition(of: 51000202101) == .extensionConcept)
        #expect(SCTID.namespace(of: 51000202101) == 1000202)
        #expect(SCTID.namespace(of: 138875005) == nil)
        #expect(SCTID.partition(of: 1234531) == nil)  // partition 53 is reserved
        #expect(!SCTID.isValid(99999))
        #expect(SCTID.isValid(61000202103, kind: .concept))
        #expect(!SCTID.isValid(61000202103, kind: .description))
    }

    @Test func makeBuildsValidIdsInEveryPartition() {
        #expect(SCTID.make(item: 138875, partition: .concept) == 138875005)
        #expect(SCTID.make(item: 5, namespace: 1000202, partition: .extensionConcept) == 51000202101)
        for partition in SCTID.Partition.allCases {
            let id = SCTID.make(item: 4711, namespace: partition.isLongFormat ? 1000202 : nil, partition: partition)
            #expect(SCTID.isValid(id))
            #expect(SCTID.partition(of: id) == partition)
        }
    }

    @Test func uuidsRoundTrip() throws {
        let text = "8f2a1c3e-1b2d-4e5f-9a0b-1c2d3e4f5a6b"
        let uuid = try #require(RF2UUID(text))
        #expect(uuid.description == text)
        #expect(RF2UUID("8F2A1C3E-1B2D-4E5F-9A0B-1C2D3E4F5A6B") == uuid)
        #expect(RF2UUID("8f2a1c3e1b2d4e5f9a0b1c2d3e4f5a6b") == nil)
        #expect(RF2UUID("8f2a1c3e-1b2d-4e5f-9a0b-1c2d3e4f5a6g") == nil)
    }

    @Test func dates() {
        #expect(RF2Date.isValid(20250101))
        #expect(RF2Date.isValid(20240229))
        #expect(!RF2Date.isValid(20250229))
        #expect(!RF2Date.isValid(20250231))
        #expect(!RF2Date.isValid(20251301))
        #expect(RF2Date.iso(20250315) == "2025-03-15")
    }
}
