using System.Net;
using DocService.Api.Features.Handling;
using DocService.Api.Infrastructure.Notifications;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace DocService.Api.Tests.Notifications;

/// <summary>
/// Officials with an e-mail address hear of their assignments (directly or through their unit) and of the deadlines
/// of what they lead, through the configured relay: a local SMTP sink that MailKit talks to as to any relay.
/// </summary>
public sealed class MailTests(MailApi api) : IClassFixture<MailApi>
{
    readonly string _organ = TestOrgans.New();
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_assignment_and_its_overdue_notice_are_mailed_to_the_officials_of_the_lead_unit()
    {
        var admin = await api.RegisterOrganAsync(_organ);
        var unit = await admin.AddUnitAsync("KHTC", "Phòng Kế hoạch - Tài chính");
        (await admin.PostJsonAsync("/api/v1/admin/users", new Api.Features.Administration.CreateOfficial.Request(
            "chuyenvien.tc", "Nguyễn Thị Hoa", "Chuyên viên", unit.Id, ["drafter"], "hoa.nt@sotc.example.gov.vn"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await admin.AddOfficialAsync("chuyenvien.khac", "Lê Văn Khác", null, "drafter"); // no address, not in the unit
        var clerk = api.ClientFor("vanthu", _organ, ["clerk"]);
        var leader = api.ClientFor("chutich", _organ, ["signer"]);
        var today = Api.Domain.VietnamTime.Today(DateTimeOffset.UtcNow);
        var arrival = await clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("mail"), dueDate: today.AddDays(-1)));

        await (await leader.PostJsonAsync($"/api/v1/documents/{arrival.Document.Id}/assignments",
            new AssignDocument.Request(new AssignDocument.Assignee(UnitId: unit.Id)), arrival.Document.ETag())).ShouldBeJsonAsync<HandlingResponse>();

        var mails = new[] { await api.Sink.NextAsync(Wait), await api.Sink.NextAsync(Wait) };
        var parsed = mails.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))).ToList();
        mails.ShouldAllBe(m => m.To.SequenceEqual(new[] { "hoa.nt@sotc.example.gov.vn" }));
        mails.ShouldAllBe(m => m.From == "docservice@ubnd.example.gov.vn");
        parsed.Select(p => p.Subject).ShouldBe([
            "[DocService] Văn bản được giao xử lý: 15/QĐ-STC", "[DocService] Văn bản đã quá hạn giải quyết: 15/QĐ-STC"], ignoreOrder: true);
        parsed[0].TextBody.ShouldContain("Trích yếu: Quyết định: V/v thành lập Tổ công tác cải cách hành chính");
        parsed[0].TextBody.ShouldContain($"Hạn giải quyết: {today.AddDays(-1):dd/MM/yyyy}");

        await using var db = api.CreateDb();
        var sent = await db.NotificationDeliveries.Where(d => d.OrganId == _organ && d.Channel == NotificationChannel.Email).ToListAsync(Ct);
        sent.Count.ShouldBe(2);
        sent.ShouldAllBe(d => d.State == NotificationState.Delivered);
    }
}

/// <summary>The host with e-mail through a local SMTP sink and the notification worker polling fast.</summary>
public sealed class MailApi : ApiFactory
{
    public MailApi() : base(DatabaseProvider.Sqlite) { }

    public SmtpSink Sink { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:PollInterval", "00:00:00.100");
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Smtp:Security", "None");
        builder.UseSetting("Notifications:Smtp:From", "docservice@ubnd.example.gov.vn");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }
}
