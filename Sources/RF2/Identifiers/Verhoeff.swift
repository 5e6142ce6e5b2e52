/// The Verhoeff dihedral check-digit scheme that SNOMED CT uses as the last digit of every SCTID.
///
/// A single wrong digit or a swap of two adjacent digits always changes the check digit, which is why
/// SNOMED chose it over a simple modulus check.
public enum Verhoeff {
    private static let multiplication: [[UInt8]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    private static let permutation: [[UInt8]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]
    private static let inverse: [UInt8] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]

    /// Multiplication and permutation tables flattened for the hot path (one SCTID per column per row).
    private static let flatMultiplication: [UInt8] = multiplication.flatMap { $0 }
    private static let flatPermutation: [UInt8] = permutation.flatMap { $0 }

    /// The check digit to append to `payload` (the identifier without its last digit).
    public static func checkDigit(for payload: UInt64) -> Int {
        Int(inverse[Int(fold(payload, startPosition: 1))])
    }

    /// True when the last digit of `number` is the correct Verhoeff check digit for the rest.
    public static func isValid(_ number: UInt64) -> Bool {
        fold(number, startPosition: 0) == 0
    }

    private static func fold(_ number: UInt64, startPosition: Int) -> UInt8 {
        flatMultiplication.withUnsafeBufferPointer { d in
            flatPermutation.withUnsafeBufferPointer { p in
                var check: UInt8 = 0
                var rest = number
                var position = startPosition
                repeat {
                    let digit = Int(rest % 10)
                    check = d[Int(check) &* 10 &+ Int(p[(position & 7) &* 10 &+ digit])]
                    rest /= 10
                    position &+= 1
                } while rest > 0
                return check
            }
        }
    }
}
