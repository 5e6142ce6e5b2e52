/// Rules for RF2 text fields and for quoting input in messages.
public enum RF2Text {
    /// The offset of the first control character (U+0000–U+001F or U+007F) in a text field, or nil.
    ///
    /// RF2 text is tab-separated and line-based, so a tab or line break can never be part of a value; a NUL
    /// cuts a term short in C-based readers, and a bare CR or an escape sequence corrupts every screen that
    /// shows the term. None of them occurs in a valid release.
    @inlinable
    public static func firstControlByte(in field: UnsafeBufferPointer<UInt8>) -> Int? {
        for (offset, byte) in field.enumerated() where byte < 0x20 || byte == 0x7F {
            return offset
        }
        return nil
    }

    /// The reason for rejecting a field with a control character at `offset`.
    public static func controlReason(_ field: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        "contains the control character \(controlName(field[offset])) at character \(offset + 1); RF2 text must not contain control characters"
    }

    static func controlName(_ byte: UInt8) -> String {
        switch byte {
        case 0: "NUL"
        case 9: "TAB"
        case 10: "LF"
        case 13: "CR"
        case 27: "ESC"
        case 0x7F: "DEL"
        default: "U+" + String(repeating: "0", count: byte < 16 ? 3 : 2) + String(byte, radix: 16, uppercase: true)
        }
    }
}

extension String {
    /// The text with control characters, other non-printable characters and invalid UTF-8 replacements
    /// spelled as escapes (`\u{1B}`), so quoting input in a message can never drive the reader's terminal.
    public var escapingNonPrintable: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
