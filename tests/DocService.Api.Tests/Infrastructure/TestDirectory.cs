using System.Net;
using DocService.Api.Features.Administration;

namespace DocService.Api.Tests.Infrastructure;

/// <summary>Registers an organ, its units and officials through the admin API, as a platform admin and the organ's admin would.</summary>
public static class TestDirectory
{
    public static HttpClient PlatformAdmin(this ApiFactory api) => api.ClientFor("platform.admin", "", ["platform-admin"]);

    /// <summary>A new organ with an admin official: the client returned acts as that admin.</summary>
    public static async Task<HttpClient> RegisterOrganAsync(this ApiFactory api, string organ, string name = "Ủy ban nhân dân xã Thử Nghiệm")
    {
        var platform = api.PlatformAdmin();
        (await platform.PostJsonAsync("/api/v1/admin/organs", new CreateOrgan.Request(organ, name, "UBND")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await platform.PostJsonAsync("/api/v1/admin/users", new CreateOfficial.Request($"{organ}.admin", "Quản trị viên", "Quản trị", Roles: ["admin"], OrganId: organ)))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        return api.ClientFor($"{organ}.admin", organ, []);
    }

    public static async Task<UnitResponse> AddUnitAsync(this HttpClient admin, string code, string name) =>
        await (await admin.PostJsonAsync("/api/v1/admin/units", new CreateUnit.Request(code, name))).ShouldBeJsonAsync<UnitResponse>(HttpStatusCode.Created);

    public static async Task<OfficialResponse> AddOfficialAsync(this HttpClient admin, string userName, string fullName, Guid? unit, params string[] roles) =>
        await (await admin.PostJsonAsync("/api/v1/admin/users", new CreateOfficial.Request(userName, fullName, "Chuyên viên", unit, roles)))
            .ShouldBeJsonAsync<OfficialResponse>(HttpStatusCode.Created);
}
