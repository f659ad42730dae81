using DocService.Api.Domain;

namespace DocService.Api.Features.Administration;

public sealed record OrganResponse(
    string Id, string Name, string Abbreviation, string? ParentId, OrganLevel Level, string? Address, bool AxisEnabled, bool Active,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static OrganResponse From(Organ o) =>
        new(o.Id, o.Name, o.Abbreviation, o.ParentId, o.Level, o.Address, o.AxisEnabled, o.Active, o.CreatedAt, o.UpdatedAt);
}

/// <summary>The rules an organ's fields follow, whether it is created or changed.</summary>
static class OrganRules
{
    public static IEnumerable<(string Field, string Problem)> Check(string? name, string? abbreviation, string? parentId, string? address, bool creating)
    {
        if (creating ? string.IsNullOrWhiteSpace(name) : name is not null && name.Trim().Length == 0)
            yield return ("name", "Give the organ's full name (tên cơ quan).");
        else if (name is { Length: > 300 })
            yield return ("name", "A name has at most 300 characters.");
        if (creating ? string.IsNullOrWhiteSpace(abbreviation) : abbreviation is not null && abbreviation.Trim().Length == 0)
            yield return ("abbreviation", "Give the abbreviation used in notations (e.g. UBND in QĐ-UBND).");
        else if (abbreviation is { Length: > 30 })
            yield return ("abbreviation", "An abbreviation has at most 30 characters.");
        if (parentId is { Length: > 0 } && !OrganId.TryParse(parentId, out _))
            yield return ("parentId", "The parent is an organ code like 000.00.00.H41.");
        if (address is { Length: > 500 })
            yield return ("address", "An address has at most 500 characters.");
    }
}
