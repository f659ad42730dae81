using System.Security.Claims;
using DocService.Web.Session;

namespace DocService.Web.Components;

/// <summary>The signed-in official as the session cookie names them: what the pages offer depends on the roles.</summary>
public sealed record Official(string UserName, string FullName, string? OrganId, IReadOnlySet<string> Roles)
{
    public bool Has(string role) => Roles.Contains(role);

    public static Official From(ClaimsPrincipal user) => new(
        user.FindFirstValue(SessionClaims.User) ?? "",
        user.FindFirstValue(SessionClaims.Name) ?? user.FindFirstValue(SessionClaims.User) ?? "",
        user.FindFirstValue(SessionClaims.Organ),
        user.FindAll(SessionClaims.Role).Select(c => c.Value).ToHashSet());
}
