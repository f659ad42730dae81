namespace DocService.Api.Domain;

/// <summary>
/// Why an incoming document is frozen: its sender asked for it back (business type 1, answered 15 or 16), or took
/// this organ off its recipients (business type 2). A frozen document takes no handling step (04, 05, 06).
/// </summary>
public enum DocumentFreeze
{
    RevokeRequested,
    RecipientRemoved,
    /// <summary>The sender sent a document that replaces this one (business type 3).</summary>
    Replaced,
}
