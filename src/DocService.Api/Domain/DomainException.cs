namespace DocService.Api.Domain;

/// <summary>
/// A rule of the domain was broken. <see cref="Code"/> is the stable ProblemDetails code clients
/// match on; the API maps each subclass to its HTTP status in one place.
/// </summary>
public abstract class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

public sealed class InvalidTransitionException(DocumentStatus from, DocumentAction action)
    : DomainException("document.invalid_transition", $"A document in status {from} cannot be {Describe(action)}.")
{
    public DocumentStatus From { get; } = from;
    public DocumentAction Action { get; } = action;

    static string Describe(DocumentAction action) => action switch
    {
        DocumentAction.Redraft => "redrafted (only drafts can)",
        DocumentAction.Submit => "submitted for review",
        DocumentAction.Approve => "approved",
        DocumentAction.Reject => "rejected",
        DocumentAction.Sign => "signed",
        DocumentAction.Issue => "issued",
        _ => $"moved by '{action}'",
    };
}

/// <summary>An incoming document frozen by its sender's revoke request or removal takes no handling step (409).</summary>
public sealed class DocumentFrozenException(DocumentFreeze frozen, DocumentAction action)
    : DomainException("document.frozen", frozen == DocumentFreeze.RevokeRequested
        ? $"The sender asked for this document back: answer the revoke request before '{action}'."
        : frozen == DocumentFreeze.Replaced
            ? $"The sender replaced this document by another: it cannot be moved by '{action}'."
            : $"The sender removed this organ from the document's recipients: it cannot be moved by '{action}'.")
{
    public DocumentFreeze Frozen { get; } = frozen;
}

/// <summary>A revoke answer for a document whose sender asked nothing back (409).</summary>
public sealed class RevokeNotRequestedException()
    : DomainException("document.revoke_not_requested", "No revoke request of the sender is waiting for an answer on this document.");

/// <summary>Input that is well-formed but breaks a rule (a missing comment, a bad organ code).</summary>
public sealed class DomainValidationException(string field, string message)
    : DomainException("validation.failed", message)
{
    public string Field { get; } = field;
}
