using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;

namespace DocService.Api.Features.Administration;

/// <summary>
/// Which organ an administrative request acts on: an organ's admin acts on their own organ only (another organ
/// answers 404, as everywhere); the platform admin, who belongs to none, names the organ.
/// </summary>
public static class AdminScope
{
    public static OrganId OrganOf(CurrentUser user, string? requested)
    {
        if (user.IsInRole(Roles.PlatformAdmin))
        {
            if (!OrganId.TryParse(requested, out var named))
                throw new RequestValidationException(new Dictionary<string, string[]> { ["organ"] = ["Name the organ (code like 000.00.00.H41) you act on."] });
            return named;
        }
        var own = user.Organ;
        if (requested is { Length: > 0 } && requested != own.Value)
            throw ApiException.NotFound($"Organ {requested}");
        return own;
    }
}
