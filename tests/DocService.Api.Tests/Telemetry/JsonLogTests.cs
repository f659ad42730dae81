using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests.Telemetry;

/// <summary>
/// The service as its own process with the production log format (JSON lines, scopes included): the traceId a
/// ProblemDetails carries leads an operator to the log lines of that request.
/// </summary>
[Trait("Category", "Process")]
public sealed class JsonLogTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_trace_id_of_a_problem_is_in_the_json_logs_of_its_request()
    {
        var directory = Directory.CreateTempSubdirectory("docservice-logs-").FullName;
        var port = FreePort();
        var log = new StringBuilder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DocService.Api.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["DataDirectory"] = directory,
            ["Auth__DevSigningKey"] = ApiFactory.SigningKey,
            ["Keys__ProtectionKey"] = ApiFactory.KeyProtectionKey,
            ["Archive__WorkerEnabled"] = "false",
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
        })
            start.Environment[key] = value;

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitReadyAsync(client, process, log);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                new DevTokens(ApiFactory.SigningKey).Create("chuyenvien", TestOrgans.New(), ["drafter"], TimeSpan.FromMinutes(5)));

            var response = await client.GetAsync($"/api/v1/documents/{Guid.NewGuid()}", Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var traceId = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("traceId").GetString()!;
            traceId.Length.ShouldBe(32, "a W3C trace id");
            var lines = await LinesOfTraceAsync(log, traceId);
            lines.ShouldNotBeEmpty($"no JSON log line carries TraceId {traceId}:\n{Snapshot(log)}");
            lines.ShouldContain(l => l.GetProperty("Category").GetString() == "DocService.Problems");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The JSON log lines whose scopes carry this trace id (the logger writes them as the request ends).</summary>
    static async Task<List<JsonElement>> LinesOfTraceAsync(StringBuilder log, string traceId)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var found = Snapshot(log).Split('\n')
                .Where(l => l.TrimStart().StartsWith('{') && l.Contains(traceId, StringComparison.Ordinal))
                .Select(l => JsonDocument.Parse(l).RootElement)
                .Where(l => l.TryGetProperty("Scopes", out var scopes)
                            && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var id) && id.GetString() == traceId))
                .ToList();
            if (found.Count > 0)
                return found;
            await Task.Delay(100, Ct);
        }
        return [];
    }

    static async Task WaitReadyAsync(HttpClient client, Process process, StringBuilder log)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
                throw new ShouldAssertException($"The service exited with {process.ExitCode}:\n{Snapshot(log)}");
            try
            {
                if ((await client.GetAsync("/health/ready", Ct)).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100, Ct);
        }
        throw new ShouldAssertException($"The service was not ready within 30 s:\n{Snapshot(log)}");
    }

    static string Snapshot(StringBuilder log)
    {
        lock (log)
            return log.ToString();
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
