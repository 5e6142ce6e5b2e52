import RF2
import Testing
@testable import ECL

/// Role group 0 and member-of results, hand-checked against the sample RF2 files (INT 20250201 + NO 20250215).
@Suite struct GroupAndMemberTests {
    func ids(_ ecl: String) throws -> [Int64] { try SampleEdition.engine.evaluate(ecl).ids }

    /// Finding site (363698007) is grouped (group 1) for 22298006, 57054005 and 401303003, and ungrouped
    /// (group 0) for the other descendants of 56265001 |Heart disease|.
    @Test func groupZeroIsNoGroup() throws {
        #expect(try ids("<< 56265001 : { 363698007 = * }") == [22298006, 57054005, 401303003])
        #expect(try ids("<< 56265001 : [0..0] { 363698007 = * }") == [49436004, 56265001, 84114007, 414545008, 698247007])
        #expect(try ids("<< 56265001 : [1..*] { 363698007 = * }") == [22298006, 57054005, 401303003])
        // Outside braces an attribute matches in any group, 0 included.
        #expect(try ids("<< 56265001 : 363698007 = *") == EvaluationTests.heartDisease)
    }

    /// 322236009 carries 1142139005 = #1 ungrouped and its strength values in group 1.
    @Test func ungroupedConcreteValues() throws {
        #expect(try ids("* : { 1142139005 = #1 }") == [])
        #expect(try ids("* : 1142139005 = #1") == [322236009])
        #expect(try ids("* : { 1142135004 = #500 }") == [322236009])
    }

    /// Language refsets reference descriptions: member-of yields concepts only, also for `^ *` (every refset,
    /// the OWL axiom refset of the Terminology folder included).
    @Test func memberOfYieldsConceptsOnly() throws {
        #expect(try ids("^ 900000000000509007") == [])
        #expect(try ids("^ 61000202103") == [])
        let all = try ids("^ *")
        // 257 distinct concepts are referenced by active members in the sample files (awk over every
        // Snapshot *Refset* file), besides 755 Norwegian descriptions of the language refsets.
        #expect(all.count == 257)
        #expect(all.allSatisfy { SCTID.partition(of: $0)?.componentKind == .concept })
        #expect(Set([22298006, 57054005, 401303003, 900000000000207008, 61000202103]).isSubset(of: all))
    }
}
