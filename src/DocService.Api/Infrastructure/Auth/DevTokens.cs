using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DocService.Api.Infrastructure.Auth;

/// <summary>
/// Mints tokens with the development signing key, for <c>docsvc dev-token</c> and for tests.
/// Production validates tokens from an OIDC provider instead and never has this key.
/// </summary>
public sealed class DevTokens(string signingKeyBase64, string issuer = DevTokens.Issuer, string audience = DevTokens.Audience)
{
    public const string Issuer = "docservice-dev";
    public const string Audience = "docservice";

    public static SymmetricSecurityKey Key(string signingKeyBase64)
    {
        var bytes = Convert.FromBase64String(signingKeyBase64);
        if (bytes.Length < 32)
            throw new ArgumentException("The development signing key must be at least 256 bits.", nameof(signingKeyBase64));
        return new SymmetricSecurityKey(bytes);
    }

    public string Create(string user, string organ, IEnumerable<string> roles, TimeSpan lifetime, DateTimeOffset? now = null)
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new List<Claim> { new(DocServiceClaims.User, user) };
        if (organ.Length > 0) // a platform admin's token names no organ
            claims.Add(new Claim(DocServiceClaims.Organ, organ));
        claims.AddRange(roles.Select(r => new Claim(DocServiceClaims.Role, r)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = new SigningCredentials(Key(signingKeyBase64), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
