using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;

namespace DocService.Api.Infrastructure.Persistence;

/// <summary>
/// Development seed: a provincial People's Committee and one of its departments, each with a
/// drafter, a signer, a clerk and an auditor. Organ codes follow Decision 20/2020/QĐ-TTg.
/// </summary>
public static class DemoData
{
    public static readonly Organ Province = new()
    {
        Id = "000.00.00.H41", Name = "Ủy ban nhân dân tỉnh Nghệ An", Abbreviation = "UBND",
    };

    public static readonly Organ Department = new()
    {
        Id = "000.00.12.H41", Name = "Sở Tư pháp tỉnh Nghệ An", ParentId = Province.Id, Abbreviation = "STP",
    };

    public static IEnumerable<Organ> Organs => [Province, Department];

    public static IEnumerable<Official> Officials =>
    [
        new() { UserName = "ubnd.chuyenvien", FullName = "Trần Thị Bình", OrganId = Province.Id, Position = "Chuyên viên", Roles = [Roles.Drafter] },
        new() { UserName = "ubnd.chutich", FullName = "Nguyễn Văn An", OrganId = Province.Id, Position = "Chủ tịch", Roles = [Roles.Signer] },
        new() { UserName = "ubnd.vanthu", FullName = "Lê Thị Cúc", OrganId = Province.Id, Position = "Văn thư", Roles = [Roles.Clerk] },
        new() { UserName = "ubnd.kiemtra", FullName = "Phạm Văn Dũng", OrganId = Province.Id, Position = "Thanh tra viên", Roles = [Roles.Auditor] },
        new() { UserName = "stp.chuyenvien", FullName = "Hoàng Thị Én", OrganId = Department.Id, Position = "Chuyên viên", Roles = [Roles.Drafter] },
        new() { UserName = "stp.giamdoc", FullName = "Võ Văn Phúc", OrganId = Department.Id, Position = "Giám đốc", Roles = [Roles.Signer] },
        new() { UserName = "stp.vanthu", FullName = "Đặng Thị Giang", OrganId = Department.Id, Position = "Văn thư", Roles = [Roles.Clerk] },
        new() { UserName = "stp.kiemtra", FullName = "Bùi Văn Hùng", OrganId = Department.Id, Position = "Thanh tra viên", Roles = [Roles.Auditor] },
        new() { UserName = "admin", FullName = "Quản trị hệ thống", OrganId = Province.Id, Position = "Quản trị", Roles = [Roles.Admin] },
    ];
}
