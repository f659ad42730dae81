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
            [(DocumentStatus.Dispatched, DocumentAction.Revoke)] = DocumentStatus.Revoked,

            [(DocumentStatus.Received, DocumentAction.Register)] = DocumentStatus.Registered,
            [(DocumentStatus.Received, DocumentAction.Refuse)] = DocumentStatus.Refused,
            [(DocumentStatus.Registered, DocumentAction.Assign)] = DocumentStatus.Assigned,
            [(DocumentStatus.Assigned, DocumentAction.StartProcessing)] = DocumentStatus.InProgress,
            [(DocumentStatus.InProgress, DocumentAction.Complete)] = DocumentStatus.Completed,
        }.ToFrozenDictionary();

    public static DocumentStatus Next(DocumentStatus from, DocumentAction action) =>
        Transitions.TryGetValue((from, action), out var to) ? to : throw new InvalidTransitionException(from, action);

    public static IEnumerable<DocumentAction> AllowedFrom(DocumentStatus from) =>
        Transitions.Keys.Where(k => k.From == from).Select(k => k.Action);
}
