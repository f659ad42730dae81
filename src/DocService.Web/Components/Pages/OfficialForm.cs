namespace DocService.Web.Components.Pages;

/// <summary>A new official as the admin types them in; <c>POST /api/v1/admin/users</c> checks every field.</summary>
public sealed class OfficialForm
{
    public string? UserName { get; set; }
    public string? FullName { get; set; }
    public string? Position { get; set; }
    public string? UnitId { get; set; }
    public string? Email { get; set; }
    public bool Drafter { get; set; }
    public bool Signer { get; set; }
    public bool Clerk { get; set; }
    public bool Auditor { get; set; }
    public bool Admin { get; set; }

    public object ToRequest() => new
    {
        userName = UserName?.Trim(),
        fullName = FullName?.Trim(),
        position = Position?.Trim(),
        unitId = Guid.TryParse(UnitId, out var unit) ? unit : (Guid?)null,
        email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
        roles = new[] { ("drafter", Drafter), ("signer", Signer), ("clerk", Clerk), ("auditor", Auditor), ("admin", Admin) }
            .Where(r => r.Item2).Select(r => r.Item1).ToArray(),
    };
}
