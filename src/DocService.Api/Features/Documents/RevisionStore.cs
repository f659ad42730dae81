using DocService.Api.Domain;
using DocService.Api.Infrastructure.Storage;

namespace DocService.Api.Features.Documents;

/// <summary>
/// Puts a new revision's bytes in the object store and records it on the document. Every use case
/// that changes bytes (upload, render, sign, extend) goes through here.
/// </summary>
public sealed class RevisionStore(IObjectStore store)
{
    public async Task<DocumentRevision> AddAsync(Document document, Stream content, string author, string reason, DateTimeOffset at, CancellationToken ct)
    {
        var number = document.Revisions.Count + 1;
        var stored = await store.PutAsync(Key(document, number), content, ct);
        return document.AddRevision(new StoredContent(stored.Key, stored.Sha256, stored.Size), author, reason, at);
    }

    /// <summary>The database's SHA-256 is the one to trust: the store's own copy sits beside the bytes it vouches for.</summary>
    public Task<Stream> OpenAsync(DocumentRevision revision, CancellationToken ct) => store.OpenReadAsync(revision.StorageKey, revision.Sha256, ct);

    internal static string Key(Document document, int number) =>
        $"organs/{document.OrganId}/documents/{document.Id:N}/revisions/{number}.pdf";
}
