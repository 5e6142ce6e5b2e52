/// The rule a validation problem breaks.
///
/// Rule ids are stable strings (`check-digit`, `isa-cycle`, …) so scripts and CI jobs can filter or allow-list
/// problems without parsing messages. Each maps to one or more RF2 §5 assertion categories.
public enum ValidationRule: String, Sendable, Codable, CaseIterable, Hashable {
    /// A package could not be opened, holds no data files, or lacks the requested release type.
    case package
    /// A data file's name does not follow the RF2 naming convention, or disagrees with its package.
    case fileName = "file-name"
    /// A file could not be read (I/O error, corrupt zip entry).
    case unreadable
    /// A header row whose column names or count differ from the RF2 specification.
    case header
    /// A row whose column count differs from its header.
    case columnCount = "column-count"
    /// A blank line inside a file.
    case blankLine = "blank-line"
    /// Lines not terminated by CRLF.
    case lineEnding = "line-ending"
    /// A byte-order mark or other encoding irregularity at file level.
    case encoding
    /// A line ending in a space.
    case trailingWhitespace = "trailing-whitespace"
    /// Rows with an empty effectiveTime: content not yet published, which an import dates with the release's
    /// version date (a warning, counted once per file).
    case emptyEffectiveTime = "empty-effective-time"
    /// A field that is not of its column's type: SCTID form, UUID, date, boolean, integer, empty mandatory text, UTF-8.
    case value
    /// An SCTID whose partition digits are reserved or name the wrong kind of component for the column.
    case partition
    /// An SCTID whose Verhoeff check digit is wrong.
    case checkDigit = "check-digit"
    /// An id used twice in one file, or across Description/TextDefinition or Stated/inferred Relationship files.
    case uniqueId = "unique-id"
    /// A reference to a concept, description or component that is not in the validated packages.
    case referentialIntegrity = "referential-integrity"
    /// Not exactly one active preferred FSN per active concept per language refset that covers it.
    case fsnPerLanguage = "fsn-per-language"
    /// Not exactly one active preferred synonym per active concept per language refset that covers it.
    case ptPerLanguage = "pt-per-language"
    /// Active inferred IS-A relationships that form a cycle.
    case isaCycle = "isa-cycle"
    /// An active concept (other than the root) without an active inferred IS-A relationship.
    case isaParent = "isa-parent"
    /// Language refset member activity that disagrees with its description's activity.
    case languageMirrorsDescription = "language-mirrors-description"
    /// An active historical association whose source component is still active.
    case associationSourceInactive = "association-source-inactive"
    /// An active historical association whose target concept is inactive.
    case associationTargetActive = "association-target-active"
    /// Module dependency refset (MDRS) problems: uncovered modules, missing dependencies, inconsistent versions.
    case mdrs
}
