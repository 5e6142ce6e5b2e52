/// A code the caller gave, from `code` + `system` (+ `version`, `display`) or from a Coding parameter,
/// with the name of the parameter it came from for messages.
struct CodedInput: Sendable {
    var code: String
    var system: String?
    var version: String?
    var display: String?
    /// `code` or `coding` (or `codeA`, `codingB` ...).
    var parameter: String
    /// Where the code is, as FHIRPath for issues: `code`, `Coding`, `CodeableConcept.coding[1]`.
    var path: String

    /// Where the code itself is, as FHIRPath for issues: `code`, `Coding.code`.
    var codePath: String { path == "code" ? "code" : "\(path).code" }
    /// Where its system is: `system`, `Coding.system`.
    var systemPath: String { path == "code" ? "system" : "\(path).system" }
    /// Whether the caller named the version (else the answer names the one used only when the code was found).
    var versionGiven: Bool { version != nil }

    /// Where the display is, as FHIRPath for issues.
    var displayPath: String { path == "code" ? "display" : "\(path).display" }

    /// Reads `codeName` / `codingName` (the Coding wins); `required` makes a missing code a 400.
    static func read(
        _ input: OperationInput, code codeName: String = "code", coding codingName: String = "coding", systemName: String = "system",
        versionName: String = "version", displayName: String? = "display"
    ) throws -> CodedInput? {
        let display = try displayName.flatMap { try input.string($0) }
        if let coding = try input.coding(codingName) {
            guard let code = coding.code, !code.isEmpty else { throw APIError.badRequest("parameter '\(codingName)' has no code") }
            return CodedInput(
                code: code, system: coding.system, version: try coding.version ?? input.string(versionName), display: coding.display ?? display,
                parameter: codingName, path: "Coding")
        }
        guard let code = try input.string(codeName) else { return nil }
        return CodedInput(
            code: code, system: try input.string(systemName), version: try input.string(versionName), display: display, parameter: codeName,
            path: codeName)
    }

    /// Every coding of a CodeableConcept as inputs.
    static func codings(of concept: CodeableConcept, parameter: String, version: String?, display: String?) -> [CodedInput] {
        (concept.coding ?? []).enumerated().compactMap { index, coding in
            guard let code = coding.code, !code.isEmpty else { return nil }
            return CodedInput(
                code: code, system: coding.system, version: coding.version ?? version, display: coding.display ?? display, parameter: parameter,
                path: "CodeableConcept.coding[\(index)]")
        }
    }
}
