using DocService.Api.Domain;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Documents;

/// <summary>
/// How every use case finds a document: only within the caller's organ, so another organ's
/// document answers 404 exactly as a missing one does.
/// </summary>
public static class DocumentQueries
{
    public static IQueryable<Document> OfOrgan(this DocServiceDb db, OrganId organ) =>
        db.Documents.Where(d => d.OrganId == organ.Value);

    public static async Task<Document> FindAsync(this DocServiceDb db, OrganId organ, Guid id, CancellationToken ct) =>
        await db.OfOrgan(organ).Include(d => d.Revisions).SingleOrDefaultAsync(d => d.Id == id, ct)
        ?? throw ApiException.NotFound($"Document {id}");

    /// <summary>Loads a document to change it, after checking the client's If-Match against its version.</summary>
    public static async Task<Document> FindForChangeAsync(this DocServiceDb db, OrganId organ, Guid id, string ifMatch, CancellationToken ct)
    {
        var document = await db.FindAsync(organ, id, ct);
        Preconditions.CheckIfMatch(document, ifMatch);
        return document;
    }

    /// <summary>A 200 with the document and its ETag, so the next change can send If-Match.</summary>
    public static IResult WithETag(this DocumentResponse document, HttpContext http)
    {
        http.Response.Headers.ETag = $"\"{document.Version}\"";
        return TypedResults.Ok(document);
    }

    /// <summary>A 201 with the new document, its address and its ETag, so the first change can send If-Match at once.</summary>
    public static IResult CreatedWithETag(this DocumentResponse document, HttpContext http)
    {
        http.Response.Headers.ETag = $"\"{document.Version}\"";
        return TypedResults.Created($"/api/v1/documents/{document.Id}", document);
    }
}
