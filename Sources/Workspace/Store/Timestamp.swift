import Foundation

/// Workspace times are stored as ISO 8601 UTC text with milliseconds, which sorts as it reads.
public enum Timestamp {
    /// `2025-04-15T08:30:00.123Z`, rounded to the nearest millisecond. Formatting is done on whole
    /// milliseconds so that `text(date(text(x))) == text(x)`: a time read back and written again keeps its
    /// text (binary fractions such as .359 parse to .35899…, which a truncating formatter turns into .358).
    public static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, remainder) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let (wholeSeconds, fraction) = remainder < 0 ? (seconds - 1, remainder + 1000) : (seconds, remainder)
        let base = Date(timeIntervalSince1970: TimeInterval(wholeSeconds)).formatted(Date.ISO8601FormatStyle())
        let digits = String(fraction)
        return base.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    public static func date(_ text: String) -> Date {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text))
            ?? Date(timeIntervalSince1970: 0)
    }
}
