using System.Collections.Frozen;

namespace DocService.Api.Domain;

/// <summary>
/// The one state machine of DESIGN §3: which action is allowed in which status, and where it leads.
/// Anything not listed here is an invalid transition.
/// </summary>
public static class DocumentLifecycle
{
    static readonly FrozenDictionary<(DocumentStatus From, DocumentAction Action), DocumentStatus> Transitions =
        new Dictionary<(DocumentStatus, DocumentAction), DocumentStatus>
        {
            [(DocumentStatus.Draft, DocumentAction.Redraft)] = DocumentStatus.Draft,
            [(DocumentStatus.Draft, DocumentAction.Submit)] = DocumentStatus.InReview,
            [(DocumentStatus.InReview, DocumentAction.Approve)] = DocumentStatus.Approved,
            [(DocumentStatus.InReview, DocumentAction.Reject)] = DocumentStatus.Draft,
            [(DocumentStatus.Approved, DocumentAction.Sign)] = DocumentStatus.Signed,
            [(DocumentStatus.Signed, DocumentAction.Issue)] = DocumentStatus.Issued,
            [(DocumentStatus.Issued, DocumentAction.Archive)] = DocumentStatus.Archived,
            [(DocumentStatus.Archived, DocumentAction.Dispatch)] = DocumentStatus.Dispatched,
            [(DocumentStatus.Dispatched, DocumentAction.UpdateRecipients)] = DocumentStatus.Dispatched,
            [(DocumentStatus.Dispatched, DocumentAction.RequestRevoke)] = DocumentStatus.RevokeRequested,
            [(DocumentStatus.RevokeRequested, DocumentAction.Revoke)] = DocumentStatus.Revoked,
            [(DocumentStatus.RevokeRequested, DocumentAction.CancelRevoke)] = DocumentStatus.Dispatched,

            [(DocumentStatus.Received, DocumentAction.Register)] = DocumentStatus.Registered,
            [(DocumentStatus.Received, DocumentAction.Refuse)] = DocumentStatus.Refused,
            [(DocumentStatus.Registered, DocumentAction.Assign)] = DocumentStatus.Assigned,
            [(DocumentStatus.Assigned, DocumentAction.StartProcessing)] = DocumentStatus.InProgress,
            [(DocumentStatus.InProgress, DocumentAction.Complete)] = DocumentStatus.Completed,

            // The sender took back an incoming document (15 đồng ý lấy lại): only while it is frozen by its revoke request.
            [(DocumentStatus.Received, DocumentAction.Withdraw)] = DocumentStatus.Withdrawn,
            [(DocumentStatus.Registered, DocumentAction.Withdraw)] = DocumentStatus.Withdrawn,
            [(DocumentStatus.Assigned, DocumentAction.Withdraw)] = DocumentStatus.Withdrawn,
            [(DocumentStatus.InProgress, DocumentAction.Withdraw)] = DocumentStatus.Withdrawn,
            [(DocumentStatus.Completed, DocumentAction.Withdraw)] = DocumentStatus.Withdrawn,
        }.ToFrozenDictionary();

    /// <summary>The incoming statuses whose document a sender's revoke or removal can freeze.</summary>
    public static bool CanFreeze(DocumentStatus status) =>
        status is DocumentStatus.Received or DocumentStatus.Registered or DocumentStatus.Assigned
            or DocumentStatus.InProgress or DocumentStatus.Completed;

    public static DocumentStatus Next(DocumentStatus from, DocumentAction action) => Next(from, action, null);

    /// <summary>
    /// Where <paramref name="action"/> leads from <paramref name="from"/> for a document frozen as <paramref name="frozen"/>
    /// (null: not frozen). A frozen document takes no step but the answer to its revoke request.
    /// </summary>
    public static DocumentStatus Next(DocumentStatus from, DocumentAction action, DocumentFreeze? frozen)
    {
        if (!Transitions.TryGetValue((from, action), out var to))
            throw new InvalidTransitionException(from, action);
        if (action == DocumentAction.Withdraw ? frozen != DocumentFreeze.RevokeRequested : frozen is not null)
        {
            if (frozen is null)
                throw new InvalidTransitionException(from, action);
            throw new DocumentFrozenException(frozen.Value, action);
        }
        return to;
    }

    public static IEnumerable<DocumentAction> AllowedFrom(DocumentStatus from) => AllowedFrom(from, null);

    public static IEnumerable<DocumentAction> AllowedFrom(DocumentStatus from, DocumentFreeze? frozen) =>
        Transitions.Keys.Where(k => k.From == from)
            .Where(k => k.Action == DocumentAction.Withdraw ? frozen == DocumentFreeze.RevokeRequested : frozen is null)
            .Select(k => k.Action);
}
