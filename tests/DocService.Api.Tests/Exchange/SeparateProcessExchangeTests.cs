using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Exchange;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Images;
using DocService.Api.Tests.Infrastructure;
using DocService.Drafting;
using DocService.Drafting.Rendering;
using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Exchange;

/// <summary>
/// Issue 9's shape, literally: the axis simulator and two services (organ A and organ B, each with its own SQLite
/// database and data directory) run as three separate OS processes, configured through the environment only, and are
/// driven over HTTP alone. A issues and dispatches; B receives, verifies and registers; A sees 01 then 03.
/// </summary>
[Trait("Category", "E2E")]
public sealed class SeparateProcessExchangeTests : IAsyncLifetime
{
    const int More = 10;
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    readonly string _organA = TestOrgans.New();
    readonly string _organB = TestOrgans.New();
    AxisSimulatorHost? _axis;
    ServiceProcess? _a;
    ServiceProcess? _b;

    public async ValueTask InitializeAsync()
    {
        try
        {
            _axis = await AxisSimulatorHost.StartAsync(new Dictionary<string, string> { ["sys-a"] = _organA, ["sys-b"] = _organB });
            // Both start together (they are separate processes), then each must answer ready.
            _a = ServiceProcess.Start(_axis, _organA, "sys-a");
            _b = ServiceProcess.Start(_axis, _organB, "sys-b");
            await Task.WhenAll(_a.WaitReadyAsync(), _b.WaitReadyAsync());
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the three processes (on failure too) and deletes their directories; safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        var (a, b, axis) = (_a, _b, _axis);
        (_a, _b, _axis) = (null, null, null);
        if (a is not null)
            await a.DisposeAsync();
        if (b is not null)
            await b.DisposeAsync();
        if (axis is not null)
            await axis.DisposeAsync();
    }

    [Fact]
    public async Task Simulator_and_two_services_as_separate_processes_exchange_documents_each_registered_once_with_01_then_03()
    {
        var (a, b) = (_a!, _b!);
        var watch = Stopwatch.StartNew();
        var admin = a.Client("admin", ["admin"]);
        var drafter = a.Client("chuyenvien", ["drafter"]);
        var leader = a.Client("chutich", ["signer"]);
        var clerkA = a.Client("vanthu", ["clerk"]);
        var clerkB = b.Client("vanthu", ["clerk"]);
        await ProvisionKeysAsync(admin, _organA);

        // The first document, step by step.
        var first = await IssueAndDispatchAsync(drafter, leader, clerkA);
        var firstRecipients = await WaitForStatusesAsync(clerkA, first.Id, a);
        var recipient = firstRecipients.ShouldHaveSingleItem();
        recipient.OrganId.ShouldBe(_organB);
        recipient.Statuses.Select(s => s.Code).ShouldBe(["01", "03"]);
        var incoming = await WaitForIncomingAsync(clerkB, 1, b);
        var received = incoming.ShouldHaveSingleItem();
        received.Kind.ShouldBe(DocumentKind.Incoming);
        received.Status.ShouldBe(DocumentStatus.Registered);
        received.Incoming!.ArrivalNumber.ShouldBe(1);
        received.Incoming.SenderOrganId.ShouldBe(_organA);
        received.Incoming.SenderDocumentId.ShouldBe($"{_organA},{first.IssuedDate:yyyy'/'MM'/'dd},{first.Code}");
        received.CodeNumber.ShouldBe(first.CodeNumber);
        received.Revisions.MaxBy(r => r.Number)!.Sha256.ShouldBe(first.Revisions.MaxBy(r => r.Number)!.Sha256);
        var firstIn = watch.Elapsed;

        // A handful more, concurrently.
        var sent = new ConcurrentBag<DocumentResponse> { first };
        await Parallel.ForEachAsync(Enumerable.Range(0, More), new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = Ct },
            async (_, _) => sent.Add(await IssueAndDispatchAsync(drafter, leader, clerkA)));
        foreach (var document in sent)
            (await WaitForStatusesAsync(clerkA, document.Id, a)).ShouldHaveSingleItem().Statuses.Select(s => s.Code).ShouldBe(["01", "03"], $"document {document.Id}");
        incoming = await WaitForIncomingAsync(clerkB, sent.Count, b);
        await Task.Delay(500, Ct); // anything registered twice would show by now
        incoming = await WaitForIncomingAsync(clerkB, sent.Count, b);

        var report = $"Separate processes (simulator at {_axis!.Endpoint}, A pid {a.ProcessId}, B pid {b.ProcessId}): first document registered at B and 01+03 at A in " +
            $"{firstIn.TotalSeconds:0.0}s; {sent.Count} documents sent, B holds {incoming.Count} incoming " +
            $"(registered {incoming.Count(d => d.Status == DocumentStatus.Registered)}, distinct sender ids {incoming.Select(d => d.Incoming!.SenderDocumentId).Distinct().Count()}, " +
            $"arrival numbers {string.Join(",", incoming.Select(d => d.Incoming!.ArrivalNumber).Order())}); every document has 01,03 at A; total {watch.Elapsed.TotalSeconds:0.0}s";
        TestContext.Current.TestOutputHelper?.WriteLine(report);

        incoming.Count.ShouldBe(sent.Count, report);
        incoming.ShouldAllBe(d => d.Status == DocumentStatus.Registered && d.Kind == DocumentKind.Incoming, report);
        incoming.Select(d => d.Incoming!.SenderDocumentId).Order()
            .ShouldBe(sent.Select(d => $"{_organA},{d.IssuedDate:yyyy'/'MM'/'dd},{d.Code}").Order(), report);
        incoming.Select(d => d.Incoming!.ArrivalNumber!.Value).Order().ShouldBe(Enumerable.Range(1, sent.Count), report);
    }

    async Task<DocumentResponse> IssueAndDispatchAsync(HttpClient drafter, HttpClient leader, HttpClient clerk)
    {
        using var rendered = new MemoryStream();
        new DraftRenderer().Render(SampleDrafts.QuyetDinh(), rendered);
        var document = await (await drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(rendered.ToArray(), "Quyết định", "Về việc thành lập Tổ công tác"), Ct))
            .ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var submitted = await (await drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", $"\"{document.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        var approved = await (await leader.PostActionAsync($"/api/v1/documents/{document.Id}/approve", $"\"{submitted.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        var signed = await (await leader.PostJsonAsync($"/api/v1/documents/{document.Id}/signatures", new { reason = "Phê duyệt" }, $"\"{approved.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();
        var issued = await (await clerk.PostActionAsync($"/api/v1/documents/{signed.Id}/issue", $"\"{signed.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        var archived = await WaitForDocumentAsync(clerk, issued.Id, d => d.Status == DocumentStatus.Archived);
        var dispatched = await (await clerk.PostJsonAsync($"/api/v1/documents/{issued.Id}/dispatch", new { recipients = new[] { _organB } }, $"\"{archived.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();
        dispatched.Status.ShouldBe(DocumentStatus.Dispatched);
        return dispatched;
    }

    static async Task<DocumentResponse> WaitForDocumentAsync(HttpClient client, Guid id, Func<DocumentResponse, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(45);
        while (true)
        {
            var document = await (await client.GetAsync($"/api/v1/documents/{id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();
            if (done(document))
                return document;
            if (DateTimeOffset.UtcNow > deadline)
                throw new ShouldAssertException($"Document {id} did not get there: {document.Status}, archive {System.Text.Json.JsonSerializer.Serialize(document.Archive)}");
            await Task.Delay(100, Ct);
        }
    }

    static async Task<IReadOnlyList<GetRecipients.Recipient>> WaitForStatusesAsync(HttpClient clerk, Guid id, ServiceProcess a)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(45);
        while (true)
        {
            var recipients = await (await clerk.GetAsync($"/api/v1/documents/{id}/recipients", Ct)).ShouldBeJsonAsync<List<GetRecipients.Recipient>>();
            if (recipients.Count > 0 && recipients.All(r => r.Statuses.Count >= 2))
                return recipients;
            if (DateTimeOffset.UtcNow > deadline)
                throw new ShouldAssertException($"01 and 03 did not arrive for {id}: {System.Text.Json.JsonSerializer.Serialize(recipients)}\nA's log:\n{a.Log}");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>B's incoming documents over its API, once at least <paramref name="count"/> are there and all registered.</summary>
    static async Task<List<DocumentResponse>> WaitForIncomingAsync(HttpClient clerk, int count, ServiceProcess b)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(45);
        while (true)
        {
            var page = await (await clerk.GetAsync("/api/v1/documents?pageSize=100", Ct)).ShouldBeJsonAsync<PageOf<ListDocuments.Summary>>();
            var incoming = page.Items.Where(d => d.Kind == DocumentKind.Incoming).ToList();
            if (incoming.Count >= count && incoming.All(d => d.Status == DocumentStatus.Registered))
            {
                var documents = new List<DocumentResponse>();
                foreach (var summary in incoming)
                    documents.Add(await (await clerk.GetAsync($"/api/v1/documents/{summary.Id}", Ct)).ShouldBeJsonAsync<DocumentResponse>());
                return documents;
            }
            if (DateTimeOffset.UtcNow > deadline)
                throw new ShouldAssertException($"B did not register {count} documents: {System.Text.Json.JsonSerializer.Serialize(page)}\nB's log:\n{b.Log}");
            await Task.Delay(100, Ct);
        }
    }

    static async Task ProvisionKeysAsync(HttpClient admin, string organ)
    {
        (await admin.PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("official-rsa2048.p12", "User", "chutich"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsync("/api/v1/admin/keys", TestForms.Pkcs12("organisation.p12", "Organ", organ), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PutAsync("/api/v1/admin/images/User/chutich/Signature", TestForms.Png(DevImages.Signature()), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PutAsync($"/api/v1/admin/images/Organ/{organ}/Seal", TestForms.Png(DevImages.Seal()), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>
    /// One organ's service as its own OS process (<c>dotnet DocService.Api.dll</c>, copied beside the tests) on a free
    /// loopback port, with its own SQLite database and data directory, configured by environment variables only.
    /// </summary>
    sealed class ServiceProcess : IAsyncDisposable
    {
        readonly Process _process;
        readonly string _directory;
        readonly string _organ;
        readonly StringBuilder _log = new();
        readonly List<HttpClient> _clients = [];

        ServiceProcess(Process process, string directory, string organ, Uri endpoint) =>
            (_process, _directory, _organ, Endpoint) = (process, directory, organ, endpoint);

        public Uri Endpoint { get; }
        public int ProcessId => _process.Id;

        public string Log
        {
            get { lock (_log) return _log.ToString(); }
        }

        public static ServiceProcess Start(AxisSimulatorHost axis, string organ, string systemId)
        {
            var endpoint = new Uri($"http://127.0.0.1:{FreePort()}/");
            var directory = Directory.CreateTempSubdirectory("docservice-process-").FullName;
            var start = new ProcessStartInfo("dotnet")
            {
                // An empty working directory: no appsettings.json is found, only the environment configures it.
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DocService.Api.dll"));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(endpoint.ToString());
            var settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["Logging__LogLevel__Default"] = "Warning",
                ["DataDirectory"] = directory,
                ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__DocService"] = $"Data Source={Path.Combine(directory, "docservice.db")}",
                ["Auth__DevSigningKey"] = ApiFactory.SigningKey,
                ["Keys__ProtectionKey"] = ApiFactory.KeyProtectionKey,
                ["Documents__MaxUploadBytes"] = ApiFactory.MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Validation__FetchRevocation"] = "false",
                ["Archive__WorkerEnabled"] = "true",
                ["Archive__PollInterval"] = "00:00:00.100",
                ["Archive__InitialBackoff"] = "00:00:00.200",
                ["Archive__MaxBackoff"] = "00:00:01",
                ["Archive__TrustAnchorFiles__0"] = DevPki.RootCertificatePath,
                ["Axis__Enabled"] = "true",
                ["Axis__Endpoint"] = axis.Endpoint.ToString(),
                ["Axis__SystemId"] = systemId,
                ["Axis__Secret"] = AxisSimulatorHost.SecretOf(systemId),
                ["Axis__OrganIds__0"] = organ,
                ["Axis__PollInterval"] = "00:00:00.100",
                ["Axis__InitialBackoff"] = "00:00:00.200",
                ["Axis__MaxBackoff"] = "00:00:01",
                ["Axis__MaxAttempts"] = "6",
                ["Axis__AttemptTimeout"] = "00:00:10",
                ["Axis__RetryBaseDelay"] = "00:00:00.005",
                ["Axis__RetryMaxDelay"] = "00:00:00.050",
            };
            foreach (var (key, value) in settings)
                start.Environment[key] = value;
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start DocService.Api.");
            var service = new ServiceProcess(process, directory, organ, endpoint);
            process.OutputDataReceived += (_, e) => service.Append(e.Data);
            process.ErrorDataReceived += (_, e) => service.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return service;
        }

        void Append(string? line)
        {
            if (line is null)
                return;
            lock (_log)
                if (_log.Length < 200_000)
                    _log.AppendLine(line);
        }

        public async Task WaitReadyAsync()
        {
            using var http = new HttpClient { BaseAddress = Endpoint, Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
            while (true)
            {
                try
                {
                    if ((await http.GetAsync("/health/ready", Ct)).IsSuccessStatusCode)
                        return;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) when (!Ct.IsCancellationRequested) { }
                if (_process.HasExited || DateTimeOffset.UtcNow > deadline)
                    throw new InvalidOperationException($"DocService.Api for {_organ} did not become ready on {Endpoint} (exited: {_process.HasExited}):\n{Log}");
                await Task.Delay(100, Ct);
            }
        }

        public HttpClient Client(string user, string[] roles)
        {
            var client = new HttpClient { BaseAddress = Endpoint, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                new DevTokens(ApiFactory.SigningKey).Create(user, _organ, roles, TimeSpan.FromMinutes(30)));
            _clients.Add(client);
            return client;
        }

        static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in _clients)
                client.Dispose();
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException) { }
            _process.Dispose();
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
