using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;

namespace DocService.Api.Infrastructure.Persistence;

/// <summary>
/// Development seed: a provincial People's Committee and one of its departments, each with an office unit and a
/// drafter, a signer, a clerk and an auditor in it. Organ codes follow Decision 20/2020/QĐ-TTg.
/// </summary>
public static class DemoData
{
    public const string ProvinceId = "000.00.00.H41";
    public const string DepartmentId = "000.00.12.H41";

    public static IEnumerable<string> OrganIds => [ProvinceId, DepartmentId];

    static readonly Guid ProvinceOffice = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    static readonly Guid DepartmentOffice = Guid.Parse("0190a000-0000-7000-8000-000000000002");

    public static IEnumerable<Organ> Organs(DateTimeOffset at) =>
    [
        new() { Id = ProvinceId, Name = "Ủy ban nhân dân tỉnh Nghệ An", Abbreviation = "UBND", Level = OrganLevel.Province,
            Address = "Số 03 đường Trường Thi, thành phố Vinh, tỉnh Nghệ An", AxisEnabled = true, CreatedAt = at, UpdatedAt = at },
        new() { Id = DepartmentId, Name = "Sở Tư pháp tỉnh Nghệ An", ParentId = ProvinceId, Abbreviation = "STP", Level = OrganLevel.Province,
            Address = "Số 01 đường Phan Đăng Lưu, thành phố Vinh, tỉnh Nghệ An", AxisEnabled = true, CreatedAt = at, UpdatedAt = at },
    ];

    public static IEnumerable<OrganUnit> Units(DateTimeOffset at) =>
    [
        new() { Id = ProvinceOffice, OrganId = ProvinceId, Code = "VP", Name = "Văn phòng Ủy ban nhân dân tỉnh", CreatedAt = at, UpdatedAt = at },
        new() { Id = DepartmentOffice, OrganId = DepartmentId, Code = "VP", Name = "Văn phòng Sở", CreatedAt = at, UpdatedAt = at },
    ];

    public static IEnumerable<Official> Officials(DateTimeOffset at) =>
    [
        Demo(ProvinceId, ProvinceOffice, "ubnd.chuyenvien", "Trần Thị Bình", "Chuyên viên", Roles.Drafter, at),
        Demo(ProvinceId, ProvinceOffice, "ubnd.chutich", "Nguyễn Văn An", "Chủ tịch", Roles.Signer, at),
        Demo(ProvinceId, ProvinceOffice, "ubnd.vanthu", "Lê Thị Cúc", "Văn thư", Roles.Clerk, at),
        Demo(ProvinceId, ProvinceOffice, "ubnd.kiemtra", "Phạm Văn Dũng", "Thanh tra viên", Roles.Auditor, at),
        Demo(DepartmentId, DepartmentOffice, "stp.chuyenvien", "Hoàng Thị Én", "Chuyên viên", Roles.Drafter, at),
        Demo(DepartmentId, DepartmentOffice, "stp.giamdoc", "Võ Văn Phúc", "Giám đốc", Roles.Signer, at),
        Demo(DepartmentId, DepartmentOffice, "stp.vanthu", "Đặng Thị Giang", "Văn thư", Roles.Clerk, at),
        Demo(DepartmentId, DepartmentOffice, "stp.kiemtra", "Bùi Văn Hùng", "Thanh tra viên", Roles.Auditor, at),
        Demo(ProvinceId, ProvinceOffice, "admin", "Quản trị hệ thống", "Quản trị", Roles.Admin, at),
    ];

    static Official Demo(string organ, Guid unit, string user, string name, string position, string role, DateTimeOffset at) => new()
    {
        OrganId = organ, UnitId = unit, UserName = user, FullName = name, Position = position, Roles = [role], CreatedAt = at, UpdatedAt = at,
    };
}
