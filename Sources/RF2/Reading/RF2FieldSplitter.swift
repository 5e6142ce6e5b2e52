/// Splits one line into tab-separated fields: no quoting, empty fields kept. Shared by the importer's
/// reader and the validator's tolerant scanner so both read lines exactly alike.
public enum RF2FieldSplitter {
    /// Records the start and end offsets of up to `starts.count` fields of `base[begin..<length]` and
    /// returns how many fields the line really has (which may be more or fewer than the buffers hold).
    @inlinable
    public static func split(
        _ base: UnsafePointer<UInt8>, begin: Int, length: Int, starts: UnsafeMutableBufferPointer<Int>, ends: UnsafeMutableBufferPointer<Int>
    ) -> Int {
        let expected = starts.count
        var field = 0
        var fieldStart = begin
        var index = begin
        while index < length {
            if base[index] == 9 {
                if field < expected {
                    starts[field] = fieldStart
                    ends[field] = index
                }
                field += 1
                fieldStart = index + 1
            }
            index += 1
        }
        if field < expected {
            starts[field] = fieldStart
            ends[field] = length
        }
        return field + 1
    }
}
