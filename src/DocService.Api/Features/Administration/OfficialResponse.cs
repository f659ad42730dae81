using DocService.Api.Domain;
using DocService.Api.Domain.Keys;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Administration;

/// <summary>An official as the directory shows them, with their unit and the signature image drawn into their signatures.</summary>
public sealed record OfficialResponse(
    string OrganId, string UserName, string FullName, string Position, UnitSummary? Unit, IReadOnlyList<string> Roles, string? Email, bool Active,
    SignatureImageSummary? SignatureImage, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record UnitSummary(Guid Id, string Code, string Name);

/// <summary>Set with <c>PUT /api/v1/admin/images/User/{userName}/Signature</c>.</summary>
public sealed record SignatureImageSummary(string Sha256, int Width, int Height, DateTimeOffset UpdatedAt);

static class OfficialViews
{
    /// <summary>The responses for <paramref name="officials"/> of one organ, their units and images read in two queries.</summary>
    public static async Task<List<OfficialResponse>> ToResponsesAsync(this DocServiceDb db, string organ, IReadOnlyCollection<Official> officials, CancellationToken ct)
    {
        var unitIds = officials.Where(o => o.UnitId is not null).Select(o => o.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new UnitSummary(u.Id, u.Code, u.Name), ct);
        var names = officials.Select(o => o.UserName).ToList();
        var images = await db.OwnerImages.AsNoTracking()
            .Where(i => i.OrganId == organ && i.OwnerKind == KeyOwnerKind.User && i.Kind == OwnerImageKind.Signature && names.Contains(i.OwnerId))
            .Select(i => new { i.OwnerId, Summary = new SignatureImageSummary(i.Sha256, i.Width, i.Height, i.UpdatedAt) })
            .ToDictionaryAsync(i => i.OwnerId, i => i.Summary, ct);
        return officials.Select(o => new OfficialResponse(
            o.OrganId, o.UserName, o.FullName, o.Position, o.UnitId is { } unit ? units.GetValueOrDefault(unit) : null, o.Roles, o.Email, o.Active,
            images.GetValueOrDefault(o.UserName), o.CreatedAt, o.UpdatedAt)).ToList();
    }

    public static async Task<OfficialResponse> ToResponseAsync(this DocServiceDb db, Official official, CancellationToken ct) =>
        (await db.ToResponsesAsync(official.OrganId, [official], ct))[0];
}

static class OfficialRules
{
    public static IEnumerable<(string Field, string Problem)> Check(string? fullName, string? position, IReadOnlyList<string>? roles, string? email, bool creating)
    {
        if (creating ? string.IsNullOrWhiteSpace(fullName) : fullName is not null && fullName.Trim().Length == 0)
            yield return ("fullName", "Give the official's full name, as printed under their signature.");
        else if (fullName is { Length: > 200 })
            yield return ("fullName", "A name has at most 200 characters.");
        if (position is { Length: > 200 })
            yield return ("position", "A position has at most 200 characters.");
        if (roles is not null)
        {
            if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
                yield return ("roles", $"'{unknown}' is not a role of an organ's official; roles are {string.Join(", ", Roles.All)}.");
            if (roles.Count > Roles.All.Count)
                yield return ("roles", "Name each role once.");
        }
        if (email is { Length: > 0 } && (email.Length > 320 || !System.Net.Mail.MailAddress.TryCreate(email, out _)))
            yield return ("email", "Give an e-mail address like ten@nghean.gov.vn.");
    }

    public static IEnumerable<(string Field, string Problem)> CheckUserName(string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName))
            yield return ("userName", "Give the official's OIDC subject (the token's sub claim).");
        else if (userName.Length > 200 || userName.Any(c => char.IsControl(c) || c == '/'))
            yield return ("userName", "The subject has at most 200 characters, no '/' and no control characters.");
    }

    public static async Task<Official> FindAsync(DocServiceDb db, string organ, string userName, CancellationToken ct) =>
        await db.Officials.SingleOrDefaultAsync(o => o.OrganId == organ && o.UserName == userName, ct)
        ?? throw Infrastructure.Errors.ApiException.NotFound($"Official {userName}");
}
