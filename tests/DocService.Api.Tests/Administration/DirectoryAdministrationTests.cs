using System.Net;
using System.Net.Http.Json;
using DocService.Api.Features.Administration;
using DocService.Api.Features.Audit;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Tests.Administration;

/// <summary>Organs, units and officials through the admin API, on both providers.</summary>
public abstract class DirectoryAdministrationTests(ApiFactory api)
{
    readonly string _organ = TestOrgans.New();
    CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_platform_admin_registers_an_organ_whose_admin_then_adds_units_and_officials()
    {
        var admin = await api.RegisterOrganAsync(_organ);

        var office = await admin.AddUnitAsync("VP", "Văn phòng");
        var justice = await admin.AddUnitAsync("TP", "Phòng Tư pháp");
        var clerk = await admin.AddOfficialAsync("vanthu.a", "Lê Thị Cúc", office.Id, "clerk");
        await admin.AddOfficialAsync("chuyenvien.b", "Trần Văn Bình", justice.Id, "drafter");

        clerk.Unit.ShouldBe(new UnitSummary(office.Id, "VP", "Văn phòng"));
        clerk.Roles.ShouldBe(["clerk"]);
        clerk.Active.ShouldBeTrue();

        var organ = await (await admin.GetAsync($"/api/v1/admin/organs/{_organ}", Ct)).ShouldBeJsonAsync<OrganResponse>();
        organ.Name.ShouldBe("Ủy ban nhân dân xã Thử Nghiệm");
        var units = await (await admin.GetAsync("/api/v1/admin/units", Ct)).ShouldBeJsonAsync<List<UnitResponse>>();
        units.Select(u => u.Code).ShouldBe(["TP", "VP"]);
        var inJustice = await (await admin.GetAsync($"/api/v1/admin/users?unitId={justice.Id}", Ct)).ShouldBeJsonAsync<PageOf<OfficialResponse>>();
        inJustice.Items.Select(o => o.UserName).ShouldBe(["chuyenvien.b"]);
        var clerks = await (await admin.GetAsync("/api/v1/admin/users?role=clerk", Ct)).ShouldBeJsonAsync<PageOf<OfficialResponse>>();
        clerks.Items.Select(o => o.FullName).ShouldBe(["Lê Thị Cúc"]);
    }

    [Fact]
    public async Task Recorded_roles_replace_the_tokens_and_a_deactivated_official_is_refused()
    {
        var admin = await api.RegisterOrganAsync(_organ);
        await admin.AddOfficialAsync("chuyenvien.c", "Phạm Thị C", null, "drafter");
        // The token claims clerk; the organ recorded a drafter.
        var official = api.ClientFor("chuyenvien.c", _organ, ["clerk"]);

        (await official.GetAsync("/api/v1/registers/incoming", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await official.GetAsync("/api/v1/documents", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var changed = await (await admin.PatchAsJsonAsync("/api/v1/admin/users/chuyenvien.c", new ChangeOfficial.Request(Roles: ["drafter", "clerk"]), Ct))
            .ShouldBeJsonAsync<OfficialResponse>();
        changed.Roles.ShouldBe(["drafter", "clerk"]);
        (await official.GetAsync("/api/v1/registers/incoming", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var deactivated = await (await admin.PostAsync("/api/v1/admin/users/chuyenvien.c/deactivate", null, Ct)).ShouldBeJsonAsync<OfficialResponse>();
        deactivated.Active.ShouldBeFalse();
        (await official.GetAsync("/api/v1/documents", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Kept, not deleted: the admin still reads the record.
        (await (await admin.GetAsync("/api/v1/admin/users/chuyenvien.c", Ct)).ShouldBeJsonAsync<OfficialResponse>()).FullName.ShouldBe("Phạm Thị C");

        await (await admin.PostAsync("/api/v1/admin/users/chuyenvien.c/reactivate", null, Ct)).ShouldBeJsonAsync<OfficialResponse>();
        (await official.GetAsync("/api/v1/documents", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_deactivated_organ_lets_none_of_its_members_in()
    {
        await api.RegisterOrganAsync(_organ);
        var member = api.ClientFor("anyone", _organ, ["drafter"]);
        (await member.GetAsync("/api/v1/documents", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var organ = await (await api.PlatformAdmin().PostAsync($"/api/v1/admin/organs/{_organ}/deactivate", null, Ct)).ShouldBeJsonAsync<OrganResponse>();

        organ.Active.ShouldBeFalse();
        (await member.GetAsync("/api/v1/documents", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_organs_admin_acts_only_on_their_own_organ_and_never_creates_organs()
    {
        var admin = await api.RegisterOrganAsync(_organ);
        var other = TestOrgans.New();
        var otherAdmin = await api.RegisterOrganAsync(other, "Sở Nội vụ");
        await otherAdmin.AddOfficialAsync("noivu.x", "Ngô Văn X", null, "drafter");

        (await admin.PostJsonAsync("/api/v1/admin/organs", new CreateOrgan.Request(TestOrgans.New(), "Cơ quan mới", "CQ")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await admin.GetAsync($"/api/v1/admin/users/noivu.x?organ={other}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        await (await admin.GetAsync("/api/v1/admin/users/noivu.x", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        await (await admin.GetAsync($"/api/v1/admin/organs/{other}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        await (await admin.PatchAsJsonAsync($"/api/v1/admin/organs/{_organ}", new ChangeOrgan.Request(AxisEnabled: true), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "organ.platform_field");
        var renamed = await (await admin.PatchAsJsonAsync($"/api/v1/admin/organs/{_organ}", new ChangeOrgan.Request(Address: "Số 1 đường Lê Lợi"), Ct))
            .ShouldBeJsonAsync<OrganResponse>();
        renamed.Address.ShouldBe("Số 1 đường Lê Lợi");
        // A drafter of the organ is no admin.
        (await api.ClientFor("someone", _organ, ["drafter"]).PostJsonAsync("/api/v1/admin/units", new CreateUnit.Request("KT", "Kế toán")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_directory_input_answers_problem_details()
    {
        var platform = api.PlatformAdmin();
        await (await platform.PostJsonAsync("/api/v1/admin/organs", new CreateOrgan.Request("H41", "Tên", "T")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var admin = await api.RegisterOrganAsync(_organ);
        await (await platform.PostJsonAsync("/api/v1/admin/organs", new CreateOrgan.Request(_organ, "Lần nữa", "UBND")))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "organ.exists");
        await (await platform.PostJsonAsync("/api/v1/admin/organs", new CreateOrgan.Request(TestOrgans.New(), "Con", "C", ParentId: "999.99.99.H99")))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "organ.unknown_parent");
        await (await admin.PostJsonAsync("/api/v1/admin/users", new CreateOfficial.Request("x", "Tên", Roles: ["platform-admin"])))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await admin.PostJsonAsync("/api/v1/admin/users", new CreateOfficial.Request("y", "Tên", UnitId: Guid.NewGuid())))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unit.unknown");
        await admin.AddUnitAsync("VP", "Văn phòng");
        await (await admin.PostJsonAsync("/api/v1/admin/units", new CreateUnit.Request("VP", "Văn phòng 2")))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "unit.exists");
        await (await admin.PostAsync($"/api/v1/admin/users/{_organ}.admin/deactivate", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "official.self_deactivation");
        // The platform admin must say which organ it acts on.
        await (await platform.GetAsync("/api/v1/admin/users", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Each_directory_change_is_in_the_organs_audit_log_with_who_made_it()
    {
        var admin = await api.RegisterOrganAsync(_organ);
        await admin.AddUnitAsync("VP", "Văn phòng");
        var auditor = api.ClientFor("kiemtra", _organ, ["auditor"]);

        var log = await (await auditor.GetAsync("/api/v1/audit", Ct)).ShouldBeJsonAsync<ListAuditEntries.Response>();

        log.Items.Select(e => (e.Action, e.Actor)).ShouldBe([
            ("organ.create", "platform.admin"), ("official.create", "platform.admin"), ("unit.create", $"{_organ}.admin")]);
    }
}

public sealed class DirectoryAdministrationOnSqliteTests(SqliteApi api) : DirectoryAdministrationTests(api), IClassFixture<SqliteApi>;

public sealed class DirectoryAdministrationOnPostgresTests(PostgresApi api) : DirectoryAdministrationTests(api), IClassFixture<PostgresApi>;

/// <summary>The demo organs and officials, with their well-known names, exist only in Development.</summary>
public sealed class DemoSeedTests
{
    sealed class SeedingApi(string environment) : ApiFactory(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            builder.UseSetting("Seed:DemoData", "true");
            if (environment == "Production")
                UseOidcAuthority(builder);
        }
    }

    [Theory]
    [InlineData("Production", 0)]
    [InlineData("Development", 9)]
    public async Task The_demo_seed_runs_only_in_development(string environment, int officials)
    {
        await using var api = new SeedingApi(environment);
        _ = api.ClientFor("x", DemoData.ProvinceId, ["drafter"]);
        await using var db = api.CreateDb();

        (await db.Officials.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(officials);
    }
}
