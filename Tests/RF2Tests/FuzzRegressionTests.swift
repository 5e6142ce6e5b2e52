import RF2
import Testing

/// Inputs found by the libFuzzer targets in Fuzz/ (see FUZZING.md), kept as regression tests.
@Suite struct FuzzRegressionTests {
    /// RF2FileNameFuzz: a namespace with a leading zero printed as six digits, so `fileName` did not parse.
    @Test(arguments: [
        "der_t_Full_0500101_20250101.", "der2_iisssccRefset_ExtendedMapFull_0500101_20250101.txt", "sct2_Concept_Snapshot_NO0000001_20250215.txt",
    ])
    func namespaceWithLeadingZeroRoundTrips(_ text: String) throws {
        let name = try #require(RF2FileName(text))
        #expect(name.fileName == text)
        #expect(RF2FileName(name.fileName) == name)
    }
}
