using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace DocService.Web.Session;

/// <summary>
/// The pages' session: a cookie that carries who signed in and the bearer token the pages call the API with. The API
/// itself never reads this cookie — it keeps to bearer tokens — so a page can do nothing its user's token could not.
/// </summary>
public static class WebSession
{
    public const string Scheme = "DocServiceWeb";
    public const string Policy = "web-session";
    const string TokenName = "access_token";

    public const string SignInPath = "/dang-nhap";

    public static async Task SignInAsync(HttpContext http, SignedInOfficial official, string token, DateTimeOffset expires)
    {
        var claims = new List<Claim>
        {
            new(SessionClaims.User, official.UserName),
            new(SessionClaims.Name, official.FullName),
        };
        if (official.OrganId is { Length: > 0 } organ)
            claims.Add(new Claim(SessionClaims.Organ, organ));
        claims.AddRange(official.Roles.Select(r => new Claim(SessionClaims.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, SessionClaims.Name, SessionClaims.Role));
        var properties = new AuthenticationProperties { ExpiresUtc = expires, IsPersistent = false };
        properties.StoreTokens([new AuthenticationToken { Name = TokenName, Value = token }]);
        await http.SignInAsync(Scheme, principal, properties);
    }

    /// <summary>The signed-in user's bearer token for the API, or null when nobody is signed in.</summary>
    public static Task<string?> TokenAsync(HttpContext http) => http.GetTokenAsync(Scheme, TokenName);
}

/// <summary>The claims the session cookie holds, named as the API's tokens name them.</summary>
public static class SessionClaims
{
    public const string User = "sub";
    public const string Name = "name";
    public const string Organ = "organ";
    public const string Role = "role";
}

/// <summary>Whom a session is for: what the pages show and which work they offer.</summary>
public sealed record SignedInOfficial(string UserName, string FullName, string? OrganId, string? OrganName, string? Position, IReadOnlyList<string> Roles);
