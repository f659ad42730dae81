namespace DocService.Api.Domain;

/// <summary>The level of government an organ sits at (cấp), as the axis directory groups agencies.</summary>
public enum OrganLevel
{
    Central,  // trung ương
    Province, // tỉnh, thành phố trực thuộc trung ương
    District, // huyện, quận, thị xã: abolished on 1 July 2025, kept for the organs and documents of before
    Commune,  // xã, phường, đặc khu
}

/// <summary>
/// An agency (cơ quan), keyed by its code on the axis. Never deleted: the audit log and the registers
/// name it for as long as they are kept, so an organ that closes is deactivated.
/// </summary>
public sealed class Organ
{
    public string Id { get; init; } = "";
    public string Name { get; set; } = "";
    public string? ParentId { get; set; }
    /// <summary>Chữ viết tắt used in the document notation, e.g. UBND in QĐ-UBND.</summary>
    public string Abbreviation { get; set; } = "";
    public OrganLevel Level { get; set; }
    public string? Address { get; set; }
    /// <summary>Whether it sends and receives over the national document axis.</summary>
    public bool AxisEnabled { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A unit inside an organ (phòng, ban, văn phòng): where officials sit and what documents are assigned to.</summary>
public sealed class OrganUnit
{
    public Guid Id { get; init; }
    public string OrganId { get; init; } = "";
    /// <summary>The organ's own short code for the unit, unique within the organ (e.g. VP, TCCB).</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public Guid? ParentUnitId { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A person who works in an organ, known by the OIDC subject (<see cref="UserName"/>) of their sign-in. When an
/// official is recorded here, these roles — not the token's — decide what they may do, and a deactivated
/// official is refused whatever the token says.
/// </summary>
public sealed class Official
{
    public string OrganId { get; init; } = "";
    public string UserName { get; init; } = "";
    public string FullName { get; set; } = "";
    public string Position { get; set; } = "";
    public Guid? UnitId { get; set; }
    public List<string> Roles { get; set; } = [];
    /// <summary>Where notifications of assignments and deadlines go, when the organ sends e-mail.</summary>
    public string? Email { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
