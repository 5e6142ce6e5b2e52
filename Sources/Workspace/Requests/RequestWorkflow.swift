/// The change-request state machine: which status may follow which, and who may make the move.
///
/// Requester moves (submit, withdraw, resubmit after clarification) are open to the request's own requester
/// (author role or higher); review moves need the reviewer role; an admin may make every move.
public enum RequestWorkflow {
    /// Who may make a move.
    public enum Actor: Sendable {
        /// The user who created the request.
        case requester
        /// Any user with the reviewer role or higher.
        case reviewer
    }

    public struct Transition: Sendable, Hashable {
        public var from: RequestStatus
        public var to: RequestStatus
        public var actor: Actor
    }

    /// Every legal move.
    public static let transitions: [Transition] = {
        var moves: [Transition] = [
            Transition(from: .draft, to: .submitted, actor: .requester),
            Transition(from: .clarificationNeeded, to: .submitted, actor: .requester),
            Transition(from: .submitted, to: .underReview, actor: .reviewer),
            Transition(from: .underReview, to: .clarificationNeeded, actor: .reviewer),
            Transition(from: .underReview, to: .accepted, actor: .reviewer),
            Transition(from: .underReview, to: .rejected, actor: .reviewer),
            Transition(from: .accepted, to: .forwarded, actor: .reviewer),
            Transition(from: .accepted, to: .released, actor: .reviewer),
            Transition(from: .accepted, to: .closed, actor: .reviewer),
            Transition(from: .forwarded, to: .released, actor: .reviewer),
            Transition(from: .forwarded, to: .closed, actor: .reviewer),
        ]
        for status in [RequestStatus.draft, .submitted, .underReview, .clarificationNeeded] {
            moves.append(Transition(from: status, to: .withdrawn, actor: .requester))
        }
        return moves
    }()

    /// The statuses `user` may move a request from `status` to, in workflow order.
    public static func allowedTargets(from status: RequestStatus, for user: WorkspaceUser, requester: String) -> [RequestStatus] {
        let targets = transitions.filter { $0.from == status && isAllowed($0, for: user, requester: requester) }.map(\.to)
        return RequestStatus.allCases.filter(targets.contains)
    }

    static func isAllowed(_ transition: Transition, for user: WorkspaceUser, requester: String) -> Bool {
        if user.role == .admin { return true }
        switch transition.actor {
        case .requester: return user.role >= .author && user.name == requester
        case .reviewer: return user.role >= .reviewer
        }
    }
}
