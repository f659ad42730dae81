namespace DocService.Api.Domain;

/// <summary>An agency (cơ quan) and the people who work in it.</summary>
public sealed class Organ
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? ParentId { get; init; }
    /// <summary>Chữ viết tắt used in the document notation, e.g. UBND in QĐ-UBND.</summary>
    public string Abbreviation { get; init; } = "";
}

public sealed class Official
{
    public string UserName { get; init; } = "";
    public string FullName { get; init; } = "";
    public string OrganId { get; init; } = "";
    public string Position { get; init; } = "";
    public List<string> Roles { get; init; } = [];
}
