import Testing
@testable import ECL

/// The grammar: the specification's examples parse to the expected trees; malformed input fails at the right character.
@Suite struct ParserTests {
    func parse(_ text: String) throws -> ECLExpression { try ECLParser.parse(text) }
    func sub(_ text: String) throws -> SubExpression {
        guard case .constraint(let sub) = try parse(text) else { throw ECLSyntaxError(line: 0, column: 0, offset: 0, message: "not a constraint") }
        return sub
    }

    @Test(arguments: HierarchyOperator.allCases)
    func hierarchyOperators(_ op: HierarchyOperator) throws {
        let expression = try sub("\(op.rawValue) 404684003 |Clinical finding|")
        #expect(expression.hierarchyOperator == op)
        #expect(expression.focus == .concept(ConceptReference(id: 404684003, term: "Clinical finding")))
    }

    @Test func selfWildcardCommentsAndTerms() throws {
        #expect(try sub("  404684003 /* a comment */ ").focus == .concept(ConceptReference(id: 404684003)))
        #expect(try sub("*").focus == .wildcard)
        #expect(try sub("<< /* x */ 73211009 |  Diabetes mellitus  |").focus == .concept(ConceptReference(id: 73211009, term: "Diabetes mellitus")))
        #expect(try sub("<<*").hierarchyOperator == .descendantOrSelfOf)
    }

    @Test func memberOf() throws {
        let plain = try sub("^ 700043003 |Example problem list concepts reference set|")
        #expect(plain.memberOf == MemberOf())
        let fields = try sub("^ [referencedComponentId, mapTarget] 447562003 |ICD-10 complex map reference set|")
        #expect(fields.memberOf?.fields == .names(["referencedComponentId", "mapTarget"]))
        #expect(try sub("^[*] 447562003").memberOf?.fields == .all)
        let nested = try sub("< ^ (<< 723264001)")
        #expect(nested.hierarchyOperator == .descendantOf)
        guard case .nested = nested.focus else { Issue.record("expected nested focus"); return }
    }

    @Test func booleanOperators() throws {
        guard case .conjunction(let parts) = try parse("< 19829001 AND < 301867009") else { Issue.record("AND"); return }
        #expect(parts.count == 2)
        guard case .conjunction(let commas) = try parse("< 19829001, < 301867009 , << 404684003") else { Issue.record("commas"); return }
        #expect(commas.count == 3)
    }

    @Test func compoundForms() throws {
        guard case .conjunction(let and) = try parse("< 19829001 and < 301867009 AND 404684003") else { Issue.record("and"); return }
        #expect(and.count == 3)
        guard case .disjunction(let or) = try parse("< 19829001 OR < 301867009") else { Issue.record("or"); return }
        #expect(or.count == 2)
        guard case .exclusion = try parse("<< 19829001 MINUS << 301867009") else { Issue.record("minus"); return }
        guard case .conjunction(let mixed) = try parse("(< 19829001 OR < 301867009) AND < 404684003") else { Issue.record("bracketed"); return }
        #expect(mixed.count == 2)
        guard case .exclusion = try parse("(<< 100000 OR << 200000) MINUS (<< 300000 MINUS << 400000)") else { Issue.record("nested minus"); return }
    }

    @Test func refinements() throws {
        guard case .refined(let focus, let refinement) = try parse("< 19829001 |Disorder of lung|: 116676008 |Associated morphology| = 79654002 |Edema|") else {
            Issue.record("refined"); return
        }
        #expect(focus.hierarchyOperator == .descendantOf)
        guard case .attribute(let attribute) = refinement else { Issue.record("attribute"); return }
        #expect(attribute.name.focus == .concept(ConceptReference(id: 116676008, term: "Associated morphology")))
        #expect(attribute.comparison == .expression(.equal, SubExpression(focus: .concept(ConceptReference(id: 79654002, term: "Edema")))))

        guard case .refined(_, .conjunction(let parts)) = try parse("< 404684003: 363698007 = << 39057004, 116676008 = << 415582006") else {
            Issue.record("and"); return
        }
        #expect(parts.count == 2)
        guard case .refined(_, .disjunction) = try parse("< 404684003: 363698007 = << 39057004 OR 116676008 = << 415582006") else { Issue.record("or"); return }

        guard
            case .refined(_, .conjunction(let groups)) = try parse(
                "< 404684003: { 363698007 = << 39057004, 116676008 = << 415582006 }, [0..0] { 363698007 != * }")
        else { Issue.record("groups"); return }
        guard case .group(nil, .conjunction(let inner)) = groups[0] else { Issue.record("group 1"); return }
        #expect(inner.count == 2)
        guard case .group(Cardinality(min: 0, max: 0), .attribute(let negated)) = groups[1] else { Issue.record("group 2"); return }
        #expect(negated.comparison == .expression(.notEqual, SubExpression(focus: .wildcard)))

        guard case .refined(_, .attribute(let cardinal)) = try parse("< 373873005: [1..3] 127489000 = < 105590001") else { Issue.record("card"); return }
        #expect(cardinal.cardinality == Cardinality(min: 1, max: 3))
        guard case .refined(_, .attribute(let reverse)) = try parse("< 105590001: R 127489000 = < 373873005") else { Issue.record("reverse"); return }
        #expect(reverse.reverse)
        guard case .refined(_, .attribute(let descendantsName)) = try parse("< 404684003: << 47429007 = << 23583003") else { Issue.record("name"); return }
        #expect(descendantsName.name.hierarchyOperator == .descendantOrSelfOf)
        guard case .refined(_, .attribute(let bracketName)) = try parse("< 404684003: (<< 47429007) = *") else { Issue.record("bracket name"); return }
        guard case .nested = bracketName.name.focus else { Issue.record("bracket name focus"); return }
        guard case .refined(_, .conjunction) = try parse("< 404684003: (363698007 = *, 116676008 = *)") else { Issue.record("bracketed set"); return }
        guard case .refined(_, .group(Cardinality(min: 1, max: nil), _)) = try parse("< 373873005: [1..*] { 127489000 = < 105590001 }") else {
            Issue.record("group card"); return
        }
    }

    @Test func concreteValues() throws {
        guard case .refined(_, .attribute(let numeric)) = try parse("< 27658006: 1142135004 >= #10") else { Issue.record("numeric"); return }
        #expect(numeric.comparison == .numeric(.greaterOrEqual, NumericValue("10")!))
        guard case .refined(_, .attribute(let decimal)) = try parse("< 27658006: 1142135004 = #0.5") else { Issue.record("decimal"); return }
        #expect(decimal.comparison == .numeric(.equal, NumericValue("0.5")!))
        guard case .refined(_, .attribute(let string)) = try parse("< 27658006: 3460481009 = \"PANADOL\"") else { Issue.record("string"); return }
        #expect(string.comparison == .string(.equal, [SearchTerm("PANADOL")]))
        guard case .refined(_, .attribute(let boolean)) = try parse("< 27658006: 859999999102 = TRUE") else { Issue.record("bool"); return }
        #expect(boolean.comparison == .boolean(.equal, true))
        guard case .refined(_, .attribute(let negative)) = try parse("< 27658006: 1142135004 < #-1.5") else { Issue.record("negative"); return }
        #expect(negative.comparison == .numeric(.less, NumericValue("-1.5")!))
    }

    @Test func dotted() throws {
        guard case .dotted(let focus, let attributes) = try parse("<< 19829001 . 363698007 . < 272741003") else { Issue.record("dotted"); return }
        #expect(focus.hierarchyOperator == .descendantOrSelfOf)
        #expect(attributes.count == 2)
        #expect(attributes[1].hierarchyOperator == .descendantOf)
    }

    @Test func conceptFilters() throws {
        let expression = try sub("< 56265001 {{ c definitionStatus = primitive, moduleId = 900000000000207008, effectiveTime >= \"20250101\", active = 1 }}")
        #expect(
            expression.filters == [
                .concept([
                    .definitionStatus(.equal, .ids([ConceptReference(id: 900000000000074008)])),
                    .module(.equal, .expression(SubExpression(focus: .concept(ConceptReference(id: 900000000000207008))))),
                    .effectiveTime(.greaterOrEqual, [20250101]),
                    .active(.equal, true),
                ])
            ])
        let set = try sub("* {{ C definitionStatusId = (900000000000074008 900000000000073002), moduleId != << 900000000000443000 }}")
        guard case .concept(let filters) = set.filters[0] else { Issue.record("concept"); return }
        #expect(filters[0] == .definitionStatus(.equal, .ids([ConceptReference(id: 900000000000074008), ConceptReference(id: 900000000000073002)])))
        guard case .module(.notEqual, .expression(let modules)) = filters[1] else { Issue.record("module expression"); return }
        #expect(modules.hierarchyOperator == .descendantOrSelfOf)
    }

    @Test func descriptionFilters() throws {
        #expect(try sub("< 64572001 {{ term = \"heart\" }}").filters == [.description([.term(.equal, [SearchTerm("heart")])])])
        let full = try sub(
            """
            < 64572001 {{ D term = match:"hjert", term != wild:"*infark*", term = ("a" wild:"b*"), language = no, type = syn,
              typeId = (900000000000013009 900000000000003001), dialect = en-gb (prefer), dialectId = 900000000000509007 (accept prefer),
              dialect = (en-gb nb-no (accept)), moduleId = 900000000000207008, effectiveTime < "20250201", active = false, id = 10003571000202118 }}
            """)
        guard case .description(let filters) = full.filters[0] else { Issue.record("description"); return }
        #expect(
            filters == [
                .term(.equal, [SearchTerm("hjert")]),
                .term(.notEqual, [SearchTerm("*infark*", mode: .wild)]),
                .term(.equal, [SearchTerm("a"), SearchTerm("b*", mode: .wild)]),
                .language(.equal, ["no"]),
                .type(.equal, .ids([ConceptReference(id: 900000000000013009)])),
                .type(.equal, .ids([ConceptReference(id: 900000000000013009), ConceptReference(id: 900000000000003001)])),
                .dialect(.equal, [DialectSelector(dialect: .alias("en-gb"), acceptability: [900000000000548007])]),
                .dialect(
                    .equal, [DialectSelector(dialect: .id(ConceptReference(id: 900000000000509007)), acceptability: [900000000000549004, 900000000000548007])]),
                .dialect(.equal, [DialectSelector(dialect: .alias("en-gb")), DialectSelector(dialect: .alias("nb-no"), acceptability: [900000000000549004])]),
                .module(.equal, .expression(SubExpression(focus: .concept(ConceptReference(id: 900000000000207008))))),
                .effectiveTime(.less, [20250201]),
                .active(.equal, false),
                .id(.equal, [10003571000202118]),
            ])
        #expect(try sub("< 64572001 {{ term = \"a\" }} {{ d language = EN }}").filters.count == 2)
    }

    @Test func memberFilters() throws {
        let expression = try sub(
            "^ [referencedComponentId, mapTarget] 447562003 {{ M mapTarget = \"I21.9\", referencedComponentId = << 22298006, mapPriority >= #1, active = 1, effectiveTime > \"20240701\" }}"
        )
        #expect(
            expression.memberOf?.memberFilters == [
                [
                    .fieldString(field: "mapTarget", .equal, [SearchTerm("I21.9")]),
                    .fieldExpression(
                        field: "referencedComponentId", .equal,
                        SubExpression(hierarchyOperator: .descendantOrSelfOf, focus: .concept(ConceptReference(id: 22298006)))),
                    .fieldNumeric(field: "mapPriority", .greaterOrEqual, NumericValue("1")!),
                    .active(.equal, true),
                    .effectiveTime(.greater, [20240701]),
                ]
            ])
    }

    @Test func historySupplements() throws {
        #expect(try sub("195967001 {{ +HISTORY }}").history == .maximum)
        #expect(try sub("195967001 {{+history-min}}").history == .minimum)
        #expect(try sub("195967001 {{ + HISTORY-MOD }}").history == .moderate)
        #expect(try sub("<< 195967001 {{ +HISTORY-MAX }}").history == .maximum)
        guard case .custom(let custom) = try sub("195967001 {{ +HISTORY (<< 900000000000527005 |SAME AS|) }}").history else { Issue.record("custom"); return }
        guard case .constraint(let inner) = custom else { Issue.record("custom inner"); return }
        #expect(inner.hierarchyOperator == .descendantOrSelfOf)
        #expect(try sub("< 404684003 {{ term = \"x\" }} {{ +HISTORY-MIN }}").filters.count == 1)
    }

    @Test func alternateIdentifiers() throws {
        #expect(try sub("LOINC#8867-4 |Heart rate|").focus == .alternateIdentifier(AlternateIdentifier(scheme: "LOINC", code: "8867-4", term: "Heart rate")))
        #expect(try sub("\"http://loinc.org\"#\"8867-4\"").focus == .alternateIdentifier(AlternateIdentifier(scheme: "http://loinc.org", code: "8867-4")))
    }

    @Test func keywordsAreCaseInsensitive() throws {
        guard case .disjunction = try parse("< 19829001 or < 301867009") else { Issue.record("or"); return }
        guard case .exclusion = try parse("< 19829001 Minus < 301867009") else { Issue.record("minus"); return }
        guard case .refined(_, .attribute(let reverse)) = try parse("< 105590001: r 127489000 = *") else { Issue.record("r"); return }
        #expect(reverse.reverse)
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var expected: String
        var testDescription: String { text }
    }

    @Test(arguments: [
        ErrorCase(text: "", line: 1, column: 1, expected: "expected an expression constraint"),
        ErrorCase(text: "< 19829001 AND < 301867009 OR < 404684003", line: 1, column: 28, expected: "use brackets to combine AND with OR"),
        ErrorCase(text: "< 19829001 OR < 301867009 AND < 404684003", line: 1, column: 27, expected: "use brackets to combine OR with AND"),
        ErrorCase(text: "<< 19829001 MINUS << 301867009 MINUS << 404684003", line: 1, column: 32, expected: "MINUS cannot follow MINUS"),
        ErrorCase(text: "< 19829001 :", line: 1, column: 13, expected: "expected an attribute name"),
        ErrorCase(text: "< 19829001 : 116676008", line: 1, column: 23, expected: "expected a comparison operator"),
        ErrorCase(text: "<< 73211009 |Diabetes", line: 1, column: 13, expected: "expected '|' to close the term"),
        ErrorCase(text: "(< 19829001 OR < 301867009", line: 1, column: 27, expected: "expected ')'"),
        ErrorCase(text: "< 404684003\n  AND < 12345", line: 2, column: 9, expected: "6 to 18 digits"),
        ErrorCase(text: "< 404684003: [1..] 363698007 = *", line: 1, column: 18, expected: "expected a maximum cardinality"),
        ErrorCase(text: "< 404684003: [3..1] 363698007 = *", line: 1, column: 18, expected: "not below the minimum"),
        ErrorCase(text: "< 404684003 {{ C definitionStatus = sometimes }}", line: 1, column: 37, expected: "expected primitive or defined"),
        ErrorCase(text: "< 404684003 {{ term = heart }}", line: 1, column: 23, expected: "expected a quoted term"),
        ErrorCase(text: "< 404684003 {{ colour = \"red\" }}", line: 1, column: 16, expected: "expected a description filter"),
        ErrorCase(text: "< 404684003 {{ M mapTarget = \"x\" }}", line: 1, column: 13, expected: "need a member-of"),
        ErrorCase(text: "< 404684003 {{ +HISTORY-ALL }}", line: 1, column: 25, expected: "expected MIN, MOD or MAX"),
        ErrorCase(text: "< 404684003 {{ C active = 1 ", line: 1, column: 29, expected: "expected ',' or '}}'"),
        ErrorCase(text: "< 404684003 {{ C effectiveTime >= \"2025\" }}", line: 1, column: 35, expected: "YYYYMMDD"),
        ErrorCase(text: "< 404684003: 363698007 > 12345678", line: 1, column: 26, expected: "expected '#' and a number"),
        ErrorCase(text: "< 404684003: { 363698007 = * ", line: 1, column: 30, expected: "expected '}'"),
        ErrorCase(text: "< 404684003: { { 363698007 = * } }", line: 1, column: 16, expected: "groups cannot be nested"),
        ErrorCase(text: "< 404684003 )", line: 1, column: 13, expected: "no matching '('"),
        ErrorCase(text: "< 404684003 : 363698007 = * AND < 19829001", line: 1, column: 43, expected: "expected a comparison operator"),
        ErrorCase(text: "/* unterminated", line: 1, column: 16, expected: "expected an expression constraint"),
    ])
    func syntaxErrors(_ errorCase: ErrorCase) {
        do {
            let parsed = try ECLParser.parse(errorCase.text)
            Issue.record("parsed \(errorCase.text) as \(parsed)")
        } catch {
            #expect(error.line == errorCase.line, "\(error)")
            #expect(error.column == errorCase.column, "\(error)")
            #expect(error.message.contains(errorCase.expected), "\(error)")
        }
    }
}
