namespace DocService.Api.Domain;

public enum DocumentKind
{
    /// <summary>Văn bản đi: drafted, signed and issued by this organ.</summary>
    Outgoing,

    /// <summary>Văn bản đến: received from another organ.</summary>
    Incoming,
}
