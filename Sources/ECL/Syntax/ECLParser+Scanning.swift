import RF2

/// Character-level helpers: whitespace and comments, keywords, quoted strings and error positions.
extension ECLParser {
    var atEnd: Bool { position >= characters.count }
    var current: Character? { character(at: position) }

    func character(at index: Int) -> Character? {
        index < characters.count ? characters[index] : nil
    }

    func peek(_ text: String) -> Bool {
        var index = position
        for character in text {
            guard index < characters.count, characters[index] == character else { return false }
            index += 1
        }
        return true
    }

    /// A case-insensitive keyword followed by something that cannot continue a word.
    func peekKeyword(_ word: String, allowingSuffix: String = "") -> Bool {
        var index = position
        for character in word {
            guard index < characters.count, characters[index].lowercased() == String(character) else { return false }
            index += 1
        }
        guard let next = character(at: index) else { return true }
        if allowingSuffix.contains(next) { return true }
        return !(next.isLetter || next.isNumber || next == "_" || next == "-")
    }

    /// `ws`: spaces, tabs, line breaks and `/* comments */`.
    mutating func skipWhitespace() {
        while let character = current {
            if character.isWhitespace {
                position += 1
            } else if peek("/*") {
                position += 2
                while !atEnd, !peek("*/") { position += 1 }
                position = min(position + 2, characters.count)
            } else {
                return
            }
        }
    }

    /// Letters, digits and `_` (refset field names, filter keywords, dialect aliases without dashes).
    mutating func readWord() -> String? {
        var word = ""
        while let character = current, character.isLetter || character.isNumber || character == "_" {
            word.append(character)
            position += 1
        }
        return word.isEmpty ? nil : word
    }

    mutating func expect(_ text: String, _ message: String) throws(ECLSyntaxError) {
        guard peek(text) else { throw error(message) }
        position += text.count
    }

    /// `"…"` with `\"` and `\\` escapes.
    mutating func parseQuotedString() throws(ECLSyntaxError) -> String {
        let start = position
        guard peek("\"") else { throw error("expected '\"'") }
        position += 1
        var text = ""
        while let character = current, character != "\"" {
            if character == "\\", let next = self.character(at: position + 1), next == "\"" || next == "\\" {
                text.append(next)
                position += 2
            } else {
                text.append(character)
                position += 1
            }
        }
        guard peek("\"") else { throw error("expected '\"' to close the string that starts here", at: start) }
        position += 1
        return text
    }

    /// An error at `offset` (default: the current position) with its 1-based line and column.
    func error(_ message: String, at offset: Int? = nil) -> ECLSyntaxError {
        let offset = min(offset ?? position, characters.count)
        var line = 1
        var column = 1
        for character in characters[..<offset] {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        let found: String
        if let character = character(at: offset) {
            found = " (found '\(String(character).escapingNonPrintable)')"
        } else {
            found = " (found end of input)"
        }
        return ECLSyntaxError(line: line, column: column, offset: offset, message: message + found)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}
