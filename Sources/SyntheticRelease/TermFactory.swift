/// Builds English and Norwegian terms as UTF-8 bytes from made-up syllable words and real medical words.
///
/// Every concept owns one invented word (a bijection from its ordinal onto syllable strings), which keeps
/// FSNs unique without a lookup table; the other words give realistic term lengths.
struct TermFactory: Sendable {
    private static let syllables: [String] = [
        "ka", "lo", "mi", "ra", "te", "vi", "su", "no", "pe", "da", "ri", "go", "ba", "ne", "tu", "li",
        "ma", "se", "fu", "ko", "ze", "ha", "ju", "ve", "tor", "ban", "mel", "dri", "cos", "pra", "gen", "lin",
    ]

    /// Words per hierarchy role: qualifiers, heads (what the concept is) and sites.
    static let qualifiers = [
        "Acute", "Chronic", "Recurrent", "Congenital", "Primary", "Secondary", "Benign", "Malignant", "Severe",
        "Mild", "Bilateral", "Partial", "Complete", "Traumatic", "Idiopathic", "Postoperative", "Juvenile",
        "Familial", "Localized", "Generalized", "Atypical", "Nodular", "Diffuse", "Erosive",
    ].map { Array($0.utf8) }

    static let morphologies = [
        "infarction", "inflammation", "fracture", "ulcer", "neoplasm", "hemorrhage", "cyst", "stenosis",
        "abscess", "lesion", "edema", "tumor", "anemia", "hyperplasia", "atrophy", "necrosis", "fibrosis",
        "dysplasia", "calculus", "hernia", "dislocation", "infection", "degeneration", "occlusion",
    ].map { Array($0.utf8) }

    static let sites = [
        "heart", "lung", "kidney", "liver", "stomach", "colon", "brain", "spine", "eye", "ear", "skin",
        "knee", "hip", "shoulder", "esophagus", "pancreas", "bladder", "uterus", "prostate", "thyroid",
        "femur", "tibia", "artery", "vein", "mandible", "larynx", "retina", "tendon",
    ].map { Array($0.utf8) }

    static let procedures = [
        "Excision of", "Biopsy of", "Repair of", "Replacement of", "Injection of", "Ultrasound of",
        "Measurement of", "Removal of", "Reconstruction of", "Examination of", "Drainage of", "Fixation of",
        "Imaging of", "Transplantation of", "Incision of", "Pediatric assessment of",
    ].map { Array($0.utf8) }

    static let nouns = [
        "structure", "substance", "agent", "device", "score", "scale", "specimen", "product", "event",
        "procedure", "finding", "level", "count", "organism", "bacterium", "virus", "tablet", "solution",
        "record", "behavior", "color", "fluid", "tissue", "cell", "pain", "pressure", "function", "pattern",
    ].map { Array($0.utf8) }

    /// US spelling → GB spelling; a term containing the US form gets a separate GB-preferred synonym.
    static let spellingVariants: [([UInt8], [UInt8])] = [
        ("hemorrhage", "haemorrhage"), ("edema", "oedema"), ("tumor", "tumour"), ("anemia", "anaemia"),
        ("esophagus", "oesophagus"), ("Pediatric", "Paediatric"), ("behavior", "behaviour"),
        ("color", "colour"), ("Localized", "Localised"), ("Generalized", "Generalised"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Norwegian compound parts: first parts (organs) and last parts (what is wrong / done).
    static let norwegianFirst = [
        "hjerte", "lunge", "nyre", "lever", "mage", "tarm", "hode", "rygg", "kne", "skulder", "hofte",
        "øye", "øre", "hud", "blod", "bein", "hjerne", "ledd", "blære", "spiserør", "bryst", "kjeve",
    ].map { Array($0.utf8) }
    static let norwegianLast = [
        "infarkt", "betennelse", "svikt", "smerte", "kreft", "skade", "brudd", "sår", "blødning",
        "forstørrelse", "operasjon", "undersøkelse", "lidelse", "svulst", "forkalkning", "prøve",
    ].map { Array($0.utf8) }
    static let norwegianQualifiers = [
        "akutt", "kronisk", "medfødt", "tilbakevendende", "alvorlig", "lett", "ondartet", "godartet",
        "primær", "sekundær", "venstresidig", "høyresidig", "tosidig", "første", "være",
    ].map { Array($0.utf8) }
    static let norwegianLinks = ["i", "på", "ved", "med", "av", "hos"].map { Array($0.utf8) }
    private static let norwegianSyllables = [
        "kå", "lø", "mæ", "ra", "te", "vi", "sø", "no", "på", "da", "ri", "gå", "bæ", "ne", "tu", "li",
        "ma", "se", "fø", "ko", "sæ", "ha", "ju", "ve", "tor", "ban", "møl", "dri", "kos", "prå", "gen", "lin",
    ].map { Array($0.utf8) }

    /// The invented word of concept ordinal `n`: at least three syllables, distinct for every `n`.
    static func uniqueWord(_ n: Int, into out: inout [UInt8], norwegian: Bool = false) {
        let base = syllables.count
        var value = n + base * base
        var parts: [Int] = []
        while value > 0 {
            parts.append(value % base)
            value /= base
        }
        for part in parts.reversed() {
            if norwegian {
                out.append(contentsOf: norwegianSyllables[part])
            } else {
                out.append(contentsOf: syllables[part].utf8)
            }
        }
    }

    /// Upper-cases the first letter of a UTF-8 term in place (ASCII, æ, ø, å).
    static func capitalize(_ bytes: inout [UInt8]) {
        guard let first = bytes.first else { return }
        if first >= 97 && first <= 122 {
            bytes[0] = first - 32
        } else if first == 0xC3 && bytes.count > 1, [0xA6, 0xB8, 0xA5].contains(bytes[1]) {
            bytes[1] -= 0x20
        }
    }

    /// Replaces the first US spelling in `term` with its GB form; returns false when there is none.
    static func britishVariant(of term: [UInt8]) -> [UInt8]? {
        for (us, gb) in spellingVariants {
            if let range = find(us, in: term) {
                var out = Array(term[..<range.lowerBound])
                out.append(contentsOf: gb)
                out.append(contentsOf: term[range.upperBound...])
                return out
            }
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard needle.count <= haystack.count else { return nil }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) {
                return i..<(i + needle.count)
            }
            i += 1
        }
        return nil
    }
}
