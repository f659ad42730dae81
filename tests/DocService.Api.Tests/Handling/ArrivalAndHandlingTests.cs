using System.Net;
using System.Net.Http.Json;
using DocService.Api.Domain;
using DocService.Api.Domain.Handling;
using DocService.Api.Features.Audit;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Handling;
using DocService.Api.Features.Verification;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Registers;
using DocService.Api.Tests.Infrastructure;
using DocService.Exchange.Model;
using DocService.Pdf.Objects;
using DocService.Signing.Cms;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocService.Api.Tests.Handling;

/// <summary>Arrivals from every channel, their assignment, handling and history, and the search over them; on both providers.</summary>
public abstract class ArrivalAndHandlingTests(ApiFactory api)
{
    readonly string _organ = TestOrgans.New();
    CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient Clerk => api.ClientFor("vanthu", _organ, ["clerk"]);
    HttpClient Leader => api.ClientFor("chutich", _organ, ["signer"]);

    static async Task<byte[]> SignedAsync(byte[] pdf)
    {
        using var input = new MemoryStream(pdf);
        using var output = new MemoryStream();
        await new PadesSigner(new CmsSignatureBuilder()).SignAsync(input, output, DevPki.Signer("official-rsa2048"), new PadesSignatureOptions
        {
            FieldName = "Sender",
            Placement = new FieldPlacement(0, new PdfRectangle(300, 100, 500, 160)),
        }, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    /// <summary>An organ with two units and officials in them: the lead unit's official, a supporting official, and one not involved.</summary>
    async Task<(UnitResponseIds Units, HttpClient Lead, HttpClient Supporting, HttpClient Outsider)> StaffAsync()
    {
        var admin = await api.RegisterOrganAsync(_organ);
        var finance = await admin.AddUnitAsync("KHTC", "Phòng Kế hoạch - Tài chính");
        var office = await admin.AddUnitAsync("VP", "Văn phòng");
        await admin.AddOfficialAsync("chuyenvien.tc", "Nguyễn Thị Hoa", finance.Id, "drafter");
        await admin.AddOfficialAsync("chuyenvien.vp", "Trần Văn Nam", office.Id, "drafter");
        await admin.AddOfficialAsync("chuyenvien.khac", "Lê Văn Khác", null, "drafter");
        return (new UnitResponseIds(finance.Id, office.Id),
            api.ClientFor("chuyenvien.tc", _organ, ["drafter"]), api.ClientFor("chuyenvien.vp", _organ, ["drafter"]), api.ClientFor("chuyenvien.khac", _organ, ["drafter"]));
    }

    sealed record UnitResponseIds(Guid Finance, Guid Office);

    /// <summary>An incoming document from the axis, registered the way the receive worker registers one.</summary>
    async Task<Guid> AxisArrivalAsync(string number) => await api.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<DocServiceDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var axis = Document.ReceiveIncoming(Guid.CreateVersion7(), OrganId.Parse(_organ),
            new IncomingOrigin("000.00.12.H41", "Sở Tư pháp", $"000.00.12.H41,2026/03/01,{number}/STP-VP", int.Parse(number), new DateOnly(2026, 3, 1)),
            new DocumentMetadata("Công văn", "Qua trục"), DateTimeOffset.UtcNow);
        db.Documents.Add(axis);
        await services.GetRequiredService<Arrivals>().RegisterAsync(axis, DateTimeOffset.UtcNow, Ct);
        await db.SaveChangesAsync(Ct);
        await transaction.CommitAsync(Ct);
        return axis.Id;
    });

    [Fact]
    public async Task A_paper_arrival_takes_the_next_number_of_the_counter_axis_arrivals_share()
    {
        var first = await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("paper 1")));
        // An axis arrival in between, registered the way the receive worker registers one.
        await AxisArrivalAsync("15");
        var third = await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("fax"), receivedVia: "Fax"));

        first.Document.Incoming!.ArrivalNumber.ShouldBe(1);
        third.Document.Incoming!.ArrivalNumber.ShouldBe(3);
        first.Document.Status.ShouldBe(DocumentStatus.Registered);
        first.Document.Code.ShouldBe("15/QĐ-STC");
        first.Document.Incoming.SenderOrganName.ShouldBe("Sở Tài chính tỉnh Nghệ An");
        first.Document.CreatedBy.ShouldBe("vanthu");
        first.Signatures.ShouldBeNull(); // an unsigned scan
        var register = await (await Clerk.GetAsync("/api/v1/registers/incoming", Ct)).ShouldBeJsonAsync<Api.Features.Registers.RegisterView>();
        register.Items.Select(r => r["arrivalNumber"]).ShouldBe(["01", "02", "03"]);
    }

    [Fact]
    public async Task A_signed_arrival_is_verified_and_the_verdict_kept()
    {
        var arrival = await Clerk.RegisterAsync(TestArrivals.Form(await SignedAsync(SamplePdfs.WithText("signed")), receivedVia: "Email"));

        var check = arrival.Signatures.ShouldNotBeNull();
        check.Signatures.ShouldBe(1);
        // Not trusted here (no anchor for the dev root), but it verifies: never TOTAL_FAILED.
        check.Indication.ShouldNotBe("TotalFailed");
        var auditor = api.ClientFor("kiemtra", _organ, ["auditor"]);
        var past = await (await auditor.GetAsync($"/api/v1/verifications?documentId={arrival.Document.Id}", Ct)).ShouldBeJsonAsync<PageOf<ListVerifications.Summary>>();
        past.Items.ShouldHaveSingleItem().Id.ShouldBe(check.VerificationId);
    }

    [Fact]
    public async Task Bad_arrivals_answer_problem_details()
    {
        await (await Clerk.PostAsync("/api/v1/incoming", TestArrivals.Form(SamplePdfs.WithText("x"), sender: " "), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await Clerk.PostAsync("/api/v1/incoming", TestArrivals.Form(SamplePdfs.WithText("x"), receivedVia: "Axis"), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var notPdf = TestArrivals.Form("GIF89a"u8.ToArray());
        await (await Clerk.PostAsync("/api/v1/incoming", notPdf, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "document.not_pdf");
        (await Leader.PostAsync("/api/v1/incoming", TestArrivals.Form(SamplePdfs.WithText("x")), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_leader_assigns_officials_give_opinions_the_lead_completes_and_the_history_tells_it()
    {
        var (units, lead, supporting, outsider) = await StaffAsync();
        var arrival = await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("handle")));
        var due = VietnamTime.Today(DateTimeOffset.UtcNow).AddDays(10);

        var assigned = await (await Leader.PostJsonAsync($"/api/v1/documents/{arrival.Document.Id}/assignments",
                new AssignDocument.Request(new AssignDocument.Assignee(UnitId: units.Finance, DueDate: due),
                    [new AssignDocument.Assignee(UserName: "chuyenvien.vp", DueDate: due.AddDays(-2))], "Giao Phòng KHTC chủ trì, báo cáo trước hạn."),
                arrival.Document.ETag()))
            .ShouldBeJsonAsync<HandlingResponse>();

        assigned.Document.Status.ShouldBe(DocumentStatus.Assigned);
        assigned.Document.DueDate.ShouldBe(due);
        assigned.Document.Incoming!.AssignedTo.ShouldBe("Phòng Kế hoạch - Tài chính");
        assigned.Assignments.Select(a => (a.Role, a.AssigneeName)).ShouldBe([
            (AssignmentRole.Lead, "Phòng Kế hoạch - Tài chính"), (AssignmentRole.Supporting, "Trần Văn Nam")]);

        var id = arrival.Document.Id;
        (await outsider.PostJsonAsync($"/api/v1/documents/{id}/opinions", new RecordOpinion.Request("Tôi không được giao")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var supported = await (await supporting.PostJsonAsync($"/api/v1/documents/{id}/opinions", new RecordOpinion.Request("Văn phòng thống nhất.")))
            .ShouldBeJsonAsync<HandlingResponse>();
        supported.Document.Status.ShouldBe(DocumentStatus.Assigned); // a supporting opinion does not start the processing
        var processing = await (await lead.PostJsonAsync($"/api/v1/documents/{id}/opinions", new RecordOpinion.Request("Đang rà soát số liệu.")))
            .ShouldBeJsonAsync<HandlingResponse>();
        processing.Document.Status.ShouldBe(DocumentStatus.InProgress);
        await (await supporting.PostJsonAsync($"/api/v1/documents/{id}/completion", new CompleteHandling.Request("Xong"), processing.Document.ETag()))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "handling.not_lead");
        var completed = await (await lead.PostJsonAsync($"/api/v1/documents/{id}/completion", new CompleteHandling.Request("Đã trình văn bản trả lời."), processing.Document.ETag()))
            .ShouldBeJsonAsync<HandlingResponse>();

        completed.Document.Status.ShouldBe(DocumentStatus.Completed);
        completed.Assignments.ShouldAllBe(a => a.CompletedAt != null);
        completed.Notes.Select(n => (n.Kind, n.Author, n.Text)).ShouldBe([
            (NoteKind.Instruction, "chutich", "Giao Phòng KHTC chủ trì, báo cáo trước hạn."),
            (NoteKind.Opinion, "chuyenvien.vp", "Văn phòng thống nhất."),
            (NoteKind.Opinion, "chuyenvien.tc", "Đang rà soát số liệu."),
            (NoteKind.Completion, "chuyenvien.tc", "Đã trình văn bản trả lời.")]);

        var history = await (await lead.GetAsync($"/api/v1/documents/{id}/history", Ct)).ShouldBeJsonAsync<GetDocumentHistory.Response>();
        history.Events.Select(e => (e.Action, e.Actor)).ShouldBe([
            ("document.arrival", "vanthu"), ("document.assign", "chutich"), ("document.opinion", "chuyenvien.vp"),
            ("document.opinion", "chuyenvien.tc"), ("document.complete", "chuyenvien.tc")]);
        history.Events[3].ActorName.ShouldBe("Nguyễn Thị Hoa");
        history.Events[3].Details!.Value.GetProperty("text").GetString().ShouldBe("Đang rà soát số liệu.");
        history.Events.ShouldAllBe(e => e.DetailsIntact);
    }

    [Fact]
    public async Task A_rejection_comment_reads_in_the_history_and_the_audit_log_flags_edited_details()
    {
        var drafter = api.ClientFor("drafter.one", _organ, ["drafter"]);
        var uploaded = await (await drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("draft")), Ct)).ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var submitted = await (await drafter.PostActionAsync($"/api/v1/documents/{uploaded.Id}/submit", uploaded.ETag())).ShouldBeJsonAsync<DocumentResponse>();
        await (await Leader.PostJsonAsync($"/api/v1/documents/{uploaded.Id}/reject", new RejectDocument.Request("Sửa lại căn cứ pháp lý ở đoạn 2."), submitted.ETag()))
            .ShouldBeJsonAsync<DocumentResponse>();

        var history = await (await drafter.GetAsync($"/api/v1/documents/{uploaded.Id}/history", Ct)).ShouldBeJsonAsync<GetDocumentHistory.Response>();
        var rejection = history.Events.Single(e => e.Action == "document.reject");
        rejection.Actor.ShouldBe("chutich");
        rejection.Details!.Value.GetProperty("comment").GetString().ShouldBe("Sửa lại căn cứ pháp lý ở đoạn 2.");

        var auditor = api.ClientFor("kiemtra", _organ, ["auditor"]);
        var byLeader = await (await auditor.GetAsync($"/api/v1/audit?actor=chutich&documentId={uploaded.Id}", Ct)).ShouldBeJsonAsync<ListAuditEntries.Response>();
        byLeader.Items.Select(e => e.Action).ShouldBe(["document.reject"]);
        var documentSteps = await (await auditor.GetAsync($"/api/v1/audit?action=document.*&documentId={uploaded.Id}", Ct)).ShouldBeJsonAsync<ListAuditEntries.Response>();
        documentSteps.Items.Select(e => e.Action).ShouldBe(["document.upload", "document.submit", "document.reject"]);
        var tomorrow = VietnamTime.Today(DateTimeOffset.UtcNow).AddDays(1).ToString("yyyy-MM-dd");
        (await (await auditor.GetAsync($"/api/v1/audit?from={tomorrow}", Ct)).ShouldBeJsonAsync<ListAuditEntries.Response>()).Items.ShouldBeEmpty();

        // Someone edits the recorded comment in the database: the entry says its details no longer match the chain.
        await using (var db = api.CreateDb())
        {
            var sequence = byLeader.Items[0].Sequence;
            await db.AuditEntries.Where(e => e.Sequence == sequence)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Payload, "{\"comment\":\"Đồng ý\"}"), Ct);
        }
        var edited = await (await auditor.GetAsync($"/api/v1/audit?actor=chutich", Ct)).ShouldBeJsonAsync<ListAuditEntries.Response>();
        edited.Items.ShouldHaveSingleItem().DetailsIntact.ShouldBeFalse();
    }

    [Fact]
    public async Task Each_handling_step_of_an_axis_arrival_is_reported_to_its_sender()
    {
        var (units, lead, _, _) = await StaffAsync();
        var id = await AxisArrivalAsync("16");
        var document = await (await Leader.GetAsync($"/api/v1/documents/{id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();

        var assigned = await (await Leader.PostJsonAsync($"/api/v1/documents/{id}/assignments",
            new AssignDocument.Request(new AssignDocument.Assignee(UnitId: units.Finance)), document.ETag())).ShouldBeJsonAsync<HandlingResponse>();
        await (await lead.PostJsonAsync($"/api/v1/documents/{id}/opinions", new RecordOpinion.Request("Đang xử lý"))).ShouldBeJsonAsync<HandlingResponse>();
        var processing = await (await lead.GetAsync($"/api/v1/documents/{id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();
        await (await lead.PostJsonAsync($"/api/v1/documents/{id}/completion", new CompleteHandling.Request("Đã xong"), processing.ETag())).ShouldBeJsonAsync<HandlingResponse>();

        await using var check = api.CreateDb();
        var statuses = await check.Outbox.Where(m => m.DocumentId == id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Ordinal)
            .Select(m => new { m.StatusCode, m.RecipientOrganId, m.Description }).ToListAsync(Ct);
        statuses.Select(s => s.StatusCode).ShouldBe([(int)StatusCode.Assigned, (int)StatusCode.Processing, (int)StatusCode.Completed]);
        statuses.ShouldAllBe(s => s.RecipientOrganId == "000.00.12.H41");
        statuses[2].Description.ShouldBe("Đã xong");
        assigned.Document.Incoming!.AssignedTo.ShouldBe("Phòng Kế hoạch - Tài chính");
    }

    [Fact]
    public async Task Overdue_lists_open_arrivals_past_their_due_date_only()
    {
        var today = VietnamTime.Today(DateTimeOffset.UtcNow);
        var late = await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("late"), subject: "Quá hạn", dueDate: today.AddDays(-3)));
        await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("future"), subject: "Chưa đến hạn", dueDate: today.AddDays(3)));
        await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("none"), subject: "Không hạn"));

        var overdue = await (await Leader.GetAsync("/api/v1/documents?overdue=true", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>();

        overdue.Items.ShouldHaveSingleItem().Id.ShouldBe(late.Document.Id);
        overdue.Items[0].DueDate.ShouldBe(today.AddDays(-3));
    }

    [Theory]
    [InlineData("to cong tac")]
    [InlineData("TỔ CÔNG TÁC")]
    [InlineData("15/qd-stc")]
    [InlineData("so tai chinh")]
    public async Task Search_ignores_case_and_vietnamese_marks(string typed)
    {
        var wanted = await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("a")));
        await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("b"), subject: "Về việc tổ chức hội nghị", sender: "Công an tỉnh", notation: "CV-CA", number: 7));

        var found = await (await Clerk.GetAsync($"/api/v1/documents?q={Uri.EscapeDataString(typed)}", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>();

        found.Items.ShouldHaveSingleItem().Id.ShouldBe(wanted.Document.Id);
    }

    [Fact]
    public async Task Search_finds_the_words_of_a_structured_draft_and_treats_wildcards_as_text()
    {
        var drafter = api.ClientFor("drafter.one", _organ, ["drafter"]);
        var json = Api.Features.Drafting.DraftJson.Serialize(Api.Features.Drafting.DraftRequest.From(DocService.Drafting.SampleDrafts.QuyetDinh()));
        (await drafter.PostAsync("/api/v1/documents", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await Clerk.RegisterAsync(TestArrivals.Form(SamplePdfs.WithText("other"), subject: "Không liên quan"));

        // Only the draft's body names him, not its subject.
        var found = await (await drafter.GetAsync("/api/v1/documents?q=pham%20quoc%20khanh", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>();
        found.Items.ShouldHaveSingleItem();
        (await (await drafter.GetAsync("/api/v1/documents?q=%25", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>()).Items.ShouldBeEmpty();
    }
}

public sealed class ArrivalAndHandlingOnSqliteTests(SqliteApi api) : ArrivalAndHandlingTests(api), IClassFixture<SqliteApi>;

public sealed class ArrivalAndHandlingOnPostgresTests(PostgresApi api) : ArrivalAndHandlingTests(api), IClassFixture<PostgresApi>;
