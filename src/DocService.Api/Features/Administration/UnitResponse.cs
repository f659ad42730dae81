using DocService.Api.Domain;

namespace DocService.Api.Features.Administration;

public sealed record UnitResponse(Guid Id, string OrganId, string Code, string Name, Guid? ParentUnitId, bool Active, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static UnitResponse From(OrganUnit u) => new(u.Id, u.OrganId, u.Code, u.Name, u.ParentUnitId, u.Active, u.CreatedAt, u.UpdatedAt);
}

static class UnitRules
{
    public static IEnumerable<(string Field, string Problem)> Check(string? code, string? name, bool creating)
    {
        if (creating ? string.IsNullOrWhiteSpace(code) : code is not null && code.Trim().Length == 0)
            yield return ("code", "Give the unit's short code (e.g. VP, TCCB).");
        else if (code is { Length: > 30 })
            yield return ("code", "A unit code has at most 30 characters.");
        if (creating ? string.IsNullOrWhiteSpace(name) : name is not null && name.Trim().Length == 0)
            yield return ("name", "Give the unit's name (e.g. Văn phòng, Phòng Tổ chức cán bộ).");
        else if (name is { Length: > 300 })
            yield return ("name", "A unit name has at most 300 characters.");
    }
}
