namespace DocService.Web.Api;

/// <summary>The organ's directory as <c>/api/v1/admin/users</c> and <c>/admin/units</c> answer it.</summary>
public sealed record OfficialView(
    string OrganId, string UserName, string FullName, string Position, UnitRef? Unit, IReadOnlyList<string> Roles, string? Email, bool Active);

public sealed record UnitRef(Guid Id, string Code, string Name);

public sealed record UnitView(Guid Id, string OrganId, string Code, string Name, Guid? ParentUnitId, bool Active);
