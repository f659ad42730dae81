using DocService.Api.Domain;
using DocService.Api.Domain.Handling;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Handling;

/// <summary>What part the caller plays in handling a document.</summary>
public enum HandlerPart
{
    Leader,     // a signer (lãnh đạo): may act on any document of the organ
    Lead,       // assigned as lead, directly or through their unit
    Supporting, // assigned as supporting
}

/// <summary>Who may act on a document's handling: a leader, or an official assigned to it directly or through their unit.</summary>
public sealed class Handlers(DocServiceDb db, CurrentUser user)
{
    public async Task<(Document Document, HandlerPart Part)> RequireAsync(Guid documentId, CancellationToken ct)
    {
        var document = await db.FindAsync(user.Organ, documentId, ct);
        if (user.IsInRole(Roles.Signer))
            return (document, HandlerPart.Leader);
        var organ = user.Organ.Value;
        var unit = await db.Officials.Where(o => o.OrganId == organ && o.UserName == user.UserName).Select(o => o.UnitId).SingleOrDefaultAsync(ct);
        var roles = await db.Assignments.Where(a => a.DocumentId == documentId && (a.UserName == user.UserName || (unit != null && a.UnitId == unit)))
            .Select(a => a.Role).ToListAsync(ct);
        if (roles.Count == 0)
            throw new ApiException(403, "handling.not_assigned", "You are not assigned to this document, nor is your unit.");
        return (document, roles.Contains(AssignmentRole.Lead) ? HandlerPart.Lead : HandlerPart.Supporting);
    }
}
