using System.Globalization;
using System.Net;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Tests.Archive;
using DocService.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace DocService.Api.Tests.Storage;

/// <summary>
/// The S3 server goes away under a node that is signing and issuing (a relay in front of the shared server is
/// stopped): each request answers 503 <c>storage.unavailable</c> with Retry-After, the document is unchanged, and
/// the same request succeeds once the server is back.
/// </summary>
[Trait("Category", "S3")]
public sealed class StoreOutageTests(StoreOutageTests.Node api) : IClassFixture<StoreOutageTests.Node>
{
    public sealed class Node() : ApiFactory(DatabaseProvider.Sqlite)
    {
        TcpRelay? _relay;

        public TcpRelay Relay => _relay ??= new TcpRelay(new Uri(RequiredService.Get("S3_ENDPOINT", "S3")));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Archive:WorkerEnabled", "false");
            builder.UseSetting("Storage:Kind", "S3");
            builder.UseSetting("Storage:S3:Endpoint", $"http://127.0.0.1:{Relay.Port}");
            builder.UseSetting("Storage:S3:AccessKey", RequiredService.Get("S3_ACCESS_KEY", "S3"));
            builder.UseSetting("Storage:S3:SecretKey", RequiredService.Get("S3_SECRET_KEY", "S3"));
            builder.UseSetting("Storage:S3:Region", RequiredService.Get("S3_REGION", "S3"));
            builder.UseSetting("Storage:S3:Bucket", $"docservice-outage-{Guid.NewGuid():N}"[..36]);
            builder.UseSetting("Storage:Retention:Permanent", 75.ToString(CultureInfo.InvariantCulture));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (_relay is not null)
                await _relay.DisposeAsync();
        }
    }

    [Fact]
    public async Task Signing_and_issuing_while_the_store_is_down_answer_503_with_retry_after()
    {
        var flow = new IssuedDocuments(api);
        await flow.ProvisionKeysAsync();
        var signed = await flow.SignedAsync();
        var approved = await ApprovedAsync(flow);

        await api.Relay.StopAsync();
        try
        {
            var sign = await flow.Leader.PostJsonAsync($"/api/v1/documents/{approved.Id}/signatures", new { reason = "Phê duyệt" }, $"\"{approved.Version}\"");
            await sign.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "storage.unavailable");
            sign.Headers.RetryAfter.ShouldNotBeNull();

            var issue = await flow.Clerk.PostActionAsync($"/api/v1/documents/{signed.Id}/issue", $"\"{signed.Version}\"");
            await issue.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "storage.unavailable");
            issue.Headers.RetryAfter.ShouldNotBeNull();
        }
        finally
        {
            api.Relay.Start();
        }

        (await flow.GetAsync(approved.Id)).Version.ShouldBe(approved.Version);
        (await flow.GetAsync(signed.Id)).Status.ShouldBe(DocumentStatus.Signed);
        // A connection the outage cut can still sit in the client's pool for the first attempt: a client that
        // honours Retry-After retries, and the second attempt reaches the server.
        var retried = await RetriedAsync(() => flow.Clerk.PostActionAsync($"/api/v1/documents/{signed.Id}/issue", $"\"{signed.Version}\""));
        (await retried.ShouldBeJsonAsync<DocumentResponse>()).Status.ShouldBe(DocumentStatus.Issued);
    }

    static async Task<HttpResponseMessage> RetriedAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 2)
                return response;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    static async Task<DocumentResponse> ApprovedAsync(IssuedDocuments flow)
    {
        var document = await (await flow.Drafter.PostAsync("/api/v1/documents", SamplePdfs.UploadForm(SamplePdfs.WithText("outage")), TestContext.Current.CancellationToken))
            .ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
        var submitted = await (await flow.Drafter.PostActionAsync($"/api/v1/documents/{document.Id}/submit", $"\"{document.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
        return await (await flow.Leader.PostActionAsync($"/api/v1/documents/{submitted.Id}/approve", $"\"{submitted.Version}\"")).ShouldBeJsonAsync<DocumentResponse>();
    }
}
