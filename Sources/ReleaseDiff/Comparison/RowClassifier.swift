/// Decides the change kind and the changed fields of a row from its values in FROM and TO.
/// Values start with `effectiveTime`, `active`, `moduleId` (see ``ComponentTable``).
enum RowClassifier {
    static func classify(from: [StoredValue]?, to: [StoredValue]?, names: [String]) -> (kind: ChangeKind, fields: [FieldChange]) {
        guard let from else { return (.new, []) }
        guard let to else { return (.removed, []) }
        var fields: [FieldChange] = []
        for index in 1..<min(names.count, from.count, to.count) where from[index] != to[index] {
            fields.append(FieldChange(name: names[index], old: from[index].description, new: to[index].description))
        }
        if fields.isEmpty && from[0] != to[0] {
            fields.append(FieldChange(name: names[0], old: from[0].description, new: to[0].description))
        }
        let wasActive = from[1].integer == 1
        let isActive = to[1].integer == 1
        let kind: ChangeKind =
            if wasActive && !isActive { .inactivated } else if !wasActive && isActive { .reactivated } else if from[2] != to[2] { .moduleMoved } else {
                .changed
            }
        return (kind, fields.filter { $0.name != "active" })
    }
}
