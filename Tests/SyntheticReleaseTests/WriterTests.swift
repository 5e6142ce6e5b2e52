import Foundation
import RF2
import Testing

@Test func fileNamesFollowTheConvention() {
    #expect(RF2FileName.component("Concept", .snapshot, effectiveTime: "20250101").fileName == "sct2_Concept_Snapshot_INT_20250101.txt")
    #expect(
        RF2FileName.component("Description", .full, language: "en", effectiveTime: "20250101").fileName
            == "sct2_Description_Full-en_INT_20250101.txt")
    #expect(
        RF2FileName.refset(
            pattern: "c", name: "Language", .snapshot, language: "no", country: "NO", namespace: 1000202,
            effectiveTime: "20250215"
        ).fileName == "der2_cRefset_LanguageSnapshot-no_NO1000202_20250215.txt")
    #expect(
        RF2FileName.refset(pattern: "s", name: "OWLExpression", .snapshot, effectiveTime: "20250101", fileType: "sct").fileName
            == "sct2_sRefset_OWLExpressionSnapshot_INT_20250101.txt")
    #expect(
        RF2FileName.refset(pattern: "", name: "Simple", .delta, effectiveTime: "20250101", provisional: true).fileName
            == "xder2_Refset_SimpleDelta_INT_20250101.txt")
    #expect(
        RF2FileName.refset(pattern: "iissscc", name: "ExtendedMap", .snapshot, effectiveTime: "20250101").with(.full).fileName
            == "der2_iisssccRefset_ExtendedMapFull_INT_20250101.txt")
}

@Test func writerWritesTabsCRLFAndUUIDs() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rf2writer-\(UUID().uuidString).txt")
    let writer = try RF2Writer(url: url, columns: ["id", "effectiveTime", "active", "term"], chunkSize: 1)
    writer.uuidField(high: 0x0123_4567_89ab_4def, low: 0x8123_4567_89ab_cdef)
    writer.field(Int64(20250101))
    writer.field(true)
    writer.field("Hjerteinfarkt \"akutt\" æøå")
    writer.endRow()
    writer.write([Int64(-5), 0, 9_223_372_036_854_775_807, 138875005])
    try writer.close()
    #expect(writer.rowCount == 2)
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(
        text == "id\teffectiveTime\tactive\tterm\r\n"
            + "01234567-89ab-4def-8123-456789abcdef\t20250101\t1\tHjerteinfarkt \"akutt\" æøå\r\n"
            + "-5\t0\t9223372036854775807\t138875005\r\n")
}

@Test func writerFlushesLargeFilesInChunks() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rf2writer-\(UUID().uuidString).txt")
    let writer = try RF2Writer(url: url, columns: ["a", "b"], chunkSize: 65_536)
    for i in 0..<100_000 { writer.field(Int64(i)); writer.field("x"); writer.endRow() }
    try writer.close()
    let data = try Data(contentsOf: url)
    #expect(data.count == "a\tb\r\n".utf8.count + (0..<100_000).reduce(0) { $0 + String($1).count + 4 })
}
