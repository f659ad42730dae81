namespace DocService.Api.Domain;

/// <summary>
/// One immutable version of a document's bytes. The bytes live in the object store under
/// <see cref="StorageKey"/>; the database keeps what proves them.
/// </summary>
public sealed class DocumentRevision
{
    public Guid DocumentId { get; private set; }
    public int Number { get; private set; }
    public string Sha256 { get; private set; } = "";
    public long Size { get; private set; }
    public string Author { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string StorageKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    DocumentRevision() { }

    internal DocumentRevision(Guid documentId, int number, StoredContent content, string author, string reason, DateTimeOffset at)
    {
        DocumentId = documentId;
        Number = number;
        Sha256 = content.Sha256;
        Size = content.Size;
        StorageKey = content.StorageKey;
        Author = author;
        Reason = reason;
        CreatedAt = at;
    }
}

/// <summary>Where a revision's bytes were stored and what they hash to.</summary>
public sealed record StoredContent(string StorageKey, string Sha256, long Size);
