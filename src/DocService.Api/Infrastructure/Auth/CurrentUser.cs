using System.Security.Claims;
using DocService.Api.Domain;

namespace DocService.Api.Infrastructure.Auth;

/// <summary>
/// The caller, as the token says. Every query is scoped by <see cref="Organ"/>: a document of
/// another organ is simply not found.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    ClaimsPrincipal Principal => accessor.HttpContext?.User
        ?? throw new InvalidOperationException("There is no request, so there is no current user.");

    public string UserName => Principal.FindFirstValue(DocServiceClaims.User)
        ?? throw new UnauthorizedAccessException("The token names no user.");

    public OrganId Organ => OrganId.TryParse(Principal.FindFirstValue(DocServiceClaims.Organ), out var organ)
        ? organ
        : throw new UnauthorizedAccessException("The token names no valid organ.");

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
