using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Drafting;
using DocService.Api.Features.Exchange;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Tests.Infrastructure;
using DocService.Drafting;

namespace DocService.Api.Tests.EndToEnd;

/// <summary>
/// The service as a user runs it: the built application in its own process, Development, the configuration the
/// repository ships (src/DocService.Api/appsettings*.json, certs-dev), on a port the system chose — and nothing else
/// running. Only the data directory is a temporary one. One document goes the whole way: drafted, reviewed, signed,
/// issued, archived at B-LTA by the archive worker, dispatched over the in-process axis, registered at the other demo
/// organ with 01 and 03 back, then verified TOTAL_PASSED with its report downloaded. Revocation comes from the
/// service's own OCSP responder and the timestamps from its own TSA, at whatever port it listens on.
/// </summary>
[Trait("Category", "E2E")]
public sealed partial class DevelopmentRunTests : IAsyncLifetime
{
    const string Province = "000.00.00.H41";
    const string Department = "000.00.12.H41";
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    readonly string _data = Directory.CreateTempSubdirectory("docservice-development-").FullName;
    readonly StringBuilder _log = new();
    Process? _service;
    Uri? _address;

    public async ValueTask InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "DocService.Api.dll"), "--urls", "http://127.0.0.1:0",
                     "--contentRoot", Path.Combine(RepositoryRoot.Path, "src", "DocService.Api"), "--DataDirectory", _data,
                 })
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _service = Process.Start(start) ?? throw new InvalidOperationException("Could not start DocService.Api.");
        _service.OutputDataReceived += (_, e) => Append(e.Data, listening);
        _service.ErrorDataReceived += (_, e) => Append(e.Data, listening);
        _service.BeginOutputReadLine();
        _service.BeginErrorReadLine();
        try
        {
            _address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"The service did not say where it listens:\n{Log}");
        }
    }

    void Append(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
            return;
        lock (_log)
            if (_log.Length < 500_000)
                _log.AppendLine(line);
        if (Listening().Match(line) is { Success: true } match)
            listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();

    public async ValueTask DisposeAsync()
    {
        if (_service is { HasExited: false })
        {
            _service.Kill(entireProcessTree: true);
            await _service.WaitForExitAsync();
        }
        _service?.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task A_document_goes_from_draft_to_the_other_demo_organs_register_and_verifies_TOTAL_PASSED()
    {
        var watch = Stopwatch.StartNew();
        var drafter = Client("ubnd.chuyenvien", Province, "drafter");
        var signer = Client("ubnd.chutich", Province, "signer");
        var clerk = Client("ubnd.vanthu", Province, "clerk");
        var auditor = Client("ubnd.kiemtra", Province, "auditor");
        var receivingClerk = Client("stp.vanthu", Department, "clerk");

        var created = await drafter.PostAsync("/api/v1/documents",
            new StringContent(DraftJson.Serialize(DraftRequest.From(SampleDrafts.QuyetDinh())), Encoding.UTF8, "application/json"), Ct);
        var document = await created.ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var etag = created.Headers.ETag?.Tag;
        etag.ShouldBe($"\"{document.Version}\"", "the 201 carries the ETag");

        etag = await StepAsync(drafter, $"/api/v1/documents/{document.Id}/submit", etag, null, DocumentStatus.InReview);
        etag = await StepAsync(signer, $"/api/v1/documents/{document.Id}/approve", etag, null, DocumentStatus.Approved);
        etag = await StepAsync(signer, $"/api/v1/documents/{document.Id}/signatures", etag, new { reason = "Phê duyệt" }, DocumentStatus.Signed);
        await StepAsync(clerk, $"/api/v1/documents/{document.Id}/issue", etag, null, DocumentStatus.Issued);

        var archived = await UntilAsync(clerk, $"/api/v1/documents/{document.Id}", (DocumentResponse d) => d.Status == DocumentStatus.Archived,
            "the archive worker archives it");
        archived.Revisions.MaxBy(r => r.Number)!.Reason.ShouldBe("Extended to B-LTA for archiving");
        var toArchive = watch.Elapsed;

        await StepAsync(clerk, $"/api/v1/documents/{document.Id}/dispatch", $"\"{archived.Version}\"", new { recipients = new[] { Department } },
            DocumentStatus.Dispatched);
        var recipients = await UntilAsync(clerk, $"/api/v1/documents/{document.Id}/recipients",
            (List<GetRecipients.Recipient> r) => r.Count == 1 && r[0].Statuses.Count >= 2, "01 and 03 come back");
        recipients[0].OrganId.ShouldBe(Department);
        recipients[0].Statuses.Select(s => s.Code).ShouldBe(["01", "03"]);
        var incoming = await UntilAsync(receivingClerk, "/api/v1/documents?pageSize=100",
            (PageOf<ListDocuments.Summary> page) => page.Items.Any(d => d.Kind == DocumentKind.Incoming && d.Status == DocumentStatus.Registered),
            "the other organ registers it");
        incoming.Items.Count(d => d.Kind == DocumentKind.Incoming).ShouldBe(1);
        var exchanged = watch.Elapsed - toArchive;

        var issued = await clerk.GetByteArrayAsync($"/api/v1/documents/{document.Id}/content", Ct);
        var pdf = new ByteArrayContent(issued);
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var verified = await auditor.PostAsync("/api/v1/verifications", new MultipartFormDataContent { { pdf, "file", "issued.pdf" } }, Ct);
        var verification = JsonDocument.Parse(await verified.Content.ReadAsStringAsync(Ct)).RootElement;
        verified.StatusCode.ShouldBe(HttpStatusCode.Created, verification.ToString());
        verification.GetProperty("indication").GetString().ShouldBe("TOTAL_PASSED", verification.ToString());
        var report = await auditor.GetAsync($"/api/v1/verifications/{verification.GetProperty("id").GetString()}/report.pdf", Ct);
        report.StatusCode.ShouldBe(HttpStatusCode.OK);
        report.Content.Headers.ContentType?.MediaType.ShouldBe("application/pdf");
        Encoding.ASCII.GetString((await report.Content.ReadAsByteArrayAsync(Ct))[..5]).ShouldBe("%PDF-");

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Development on {_address}: issued and archived at B-LTA in {toArchive.TotalSeconds:0.0}s, dispatched and registered with 01+03 back in " +
            $"{exchanged.TotalSeconds:0.0}s, verified TOTAL_PASSED; {watch.Elapsed.TotalSeconds:0.0}s in all.");
    }

    HttpClient Client(string user, string organ, string role)
    {
        var client = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            new DevTokens(DevelopmentSigningKey()).Create(user, organ, [role], TimeSpan.FromMinutes(30)));
        return client;
    }

    /// <summary>The development token key the repository ships, read where the service reads it.</summary>
    static string DevelopmentSigningKey()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "DocService.Api", "appsettings.Development.json")));
        return settings.RootElement.GetProperty("Auth").GetProperty("DevSigningKey").GetString()!;
    }

    /// <summary>One change with If-Match; answers the new ETag.</summary>
    async Task<string> StepAsync(HttpClient client, string url, string? etag, object? body, DocumentStatus expected)
    {
        var answer = body is null ? await client.PostActionAsync(url, etag) : await client.PostJsonAsync(url, body, etag);
        var document = await answer.ShouldBeJsonAsync<DocumentResponse>();
        document.Status.ShouldBe(expected);
        return answer.Headers.ETag?.Tag ?? throw new ShouldAssertException($"{url} answered without an ETag.");
    }

    /// <summary>Polls a GET until <paramref name="done"/>; the defaults (a few seconds per worker) leave a minute of room.</summary>
    async Task<T> UntilAsync<T>(HttpClient client, string url, Func<T, bool> done, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await (await client.GetAsync(url, Ct)).ShouldBeJsonAsync<T>();
            if (done(value))
                return value;
            if (DateTimeOffset.UtcNow > deadline || _service!.HasExited)
                throw new ShouldAssertException($"Not so within a minute: {what}. Last answer: {JsonSerializer.Serialize(value)}\nThe service's log:\n{Log}");
            await Task.Delay(250, Ct);
        }
    }
}
