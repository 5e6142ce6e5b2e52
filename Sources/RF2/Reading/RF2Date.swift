/// RF2 dates are `YYYYMMDD` integers; this checks they name a real day.
public enum RF2Date {
    public static func isValid(_ value: Int) -> Bool {
        let year = value / 10000
        let month = value / 100 % 100
        let day = value % 100
        guard year >= 1900, year <= 2999, (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// `20250101` → `2025-01-01`, for display and FHIR.
    public static func iso(_ value: Int) -> String {
        let year = value / 10000, month = value / 100 % 100, day = value % 100
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
