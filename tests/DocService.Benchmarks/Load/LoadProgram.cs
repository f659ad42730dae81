using System.Collections.Concurrent;
using System.Globalization;
using DocService.Benchmarks.Signing;

namespace DocService.Benchmarks.Load;

/// <summary>
/// The load script of DESIGN §12: the built service as its own process (SQLite, and PostgreSQL when
/// a connection is given), its own 1 MB documents, sign, verify and upload driven at fixed
/// concurrency and at a fixed offered rate, and bare Kestrel echoing the same bytes in the same run,
/// so every figure is also a ratio to what this machine can move over HTTP at all.
/// Build first (<c>dotnet build -c Release DocService.sln</c>), then:
/// <c>dotnet run -c Release --project tests/DocService.Benchmarks -- load [--seconds 10] [--rate 100]
/// [--concurrency 8] [--megabytes 1] [--postgres "Host=127.0.0.1;Port=55432;Username=postgres"]</c>
/// (the connection also comes from DOCSERVICE_TEST_POSTGRES).
/// </summary>
public static class LoadProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = LoadOptions.Parse(args);
        var root = RepositoryRoot();
        var api = Path.Combine(root, "src/DocService.Api/bin/Release/net10.0/DocService.Api.dll");
        var cli = Path.Combine(root, "src/DocService.Cli/bin/Release/net10.0/docsvc.dll");
        foreach (var built in new[] { api, cli })
            if (!File.Exists(built))
            {
                Console.Error.WriteLine($"{built} is missing: build first with `dotnet build -c Release DocService.sln`.");
                return 2;
            }

        var pdf = OneFile(options.Megabytes);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        var results = new List<(string Backend, LoadResult Result)>();

        await using (var echo = await ServiceProcess.StartAsync(typeof(LoadProgram).Assembly.Location,
                         ["echo-server", "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Information"], new Dictionary<string, string>(), TimeSpan.FromSeconds(30)))
        {
            var echoUri = new Uri(echo.Address, "/echo");
            LoadDriver.Operation send = async (_, ct) =>
            {
                using var response = await http.PostAsync(echoUri, new ByteArrayContent(pdf), ct);
                await response.Content.CopyToAsync(Stream.Null, ct);
                return response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            };
            results.Add(("kestrel", await LoadDriver.ClosedLoopAsync("echo 1 MB", options.Concurrency, options.Duration, int.MaxValue, send, echo)));
            results.Add(("kestrel", await LoadDriver.OpenLoopAsync("echo 1 MB", options.Rate, options.Duration, int.MaxValue, send, echo)));
        }

        foreach (var backend in options.Backends())
        {
            Console.Error.WriteLine($"— {backend.Name}: starting the service");
            var data = Directory.CreateTempSubdirectory("docservice-load-").FullName;
            try
            {
                await using var service = await ServiceProcess.StartAsync(api, ["--urls", "http://127.0.0.1:0", "--environment", "Development",
                    "--DataDirectory", data, .. backend.Arguments], new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
                    TimeSpan.FromSeconds(90));
                results.AddRange((await RunServiceLoadAsync(http, service, cli, pdf, options)).Select(r => (backend.Name, r)));
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        Print(results, options);
        return 0;
    }

    static async Task<List<LoadResult>> RunServiceLoadAsync(HttpClient http, ServiceProcess service, string cli, byte[] pdf, LoadOptions options)
    {
        var client = new DocServiceClient(http, new Uri(service.Address, "/api/v1/"), cli);
        await client.MintTokensAsync();
        using var setup = new CancellationTokenSource(TimeSpan.FromMinutes(10));

        var sample = await client.UploadAsync(pdf, setup.Token);
        var approved = await client.ApproveAsync(sample.Id, sample.ETag, setup.Token);
        using (var signed = await client.SignAsync(sample.Id, approved, setup.Token))
            if (!signed.IsSuccessStatusCode)
                throw new InvalidOperationException($"Signing the sample failed: {(int)signed.StatusCode} {await signed.Content.ReadAsStringAsync()}");
        var signedPdf = await client.DownloadAsync(sample.Id, setup.Token);

        var results = new List<LoadResult>();
        var uploaded = new ConcurrentQueue<(Guid Id, string ETag)>();
        results.Add(await LoadDriver.ClosedLoopAsync("upload", options.Concurrency, options.Duration, int.MaxValue, async (_, ct) =>
        {
            uploaded.Enqueue(await client.UploadAsync(pdf, ct));
            return null;
        }, service));

        LoadDriver.Operation verify = async (_, ct) =>
        {
            using var response = await client.VerifyAsync(signedPdf, ct);
            return response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        };
        results.Add(await LoadDriver.ClosedLoopAsync("verify", options.Concurrency, options.Duration, int.MaxValue, verify, service));
        results.Add(await LoadDriver.OpenLoopAsync("verify", options.Rate, options.Duration, int.MaxValue, verify, service));

        // Each signature needs its own approved document: the closed loop takes what it can in the
        // time, the open loop exactly rate × duration; both are prepared beforehand and not timed.
        var signCount = options.SignDocuments + (int)(options.Rate * options.Duration.TotalSeconds);
        Console.Error.WriteLine($"  preparing {signCount} approved documents for signing");
        var ready = new ConcurrentQueue<(Guid Id, string ETag)>();
        await Parallel.ForAsync(0, signCount, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = setup.Token }, async (_, ct) =>
        {
            var document = uploaded.TryDequeue(out var existing) ? existing : await client.UploadAsync(pdf, ct);
            ready.Enqueue((document.Id, await client.ApproveAsync(document.Id, document.ETag, ct)));
        });
        var forClosed = new ConcurrentQueue<(Guid Id, string ETag)>(ready.Take(options.SignDocuments));
        var forOpen = ready.Skip(options.SignDocuments).ToArray();
        results.Add(await LoadDriver.ClosedLoopAsync("sign", options.Concurrency, options.Duration, options.SignDocuments, async (_, ct) =>
        {
            if (!forClosed.TryDequeue(out var document))
                return "no-document";
            using var response = await client.SignAsync(document.Id, document.ETag, ct);
            return response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }, service));
        results.Add(await LoadDriver.OpenLoopAsync("sign", options.Rate, options.Duration, forOpen.Length, async (index, ct) =>
        {
            using var response = await client.SignAsync(forOpen[index].Id, forOpen[index].ETag, ct);
            return response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }, service));
        return results;
    }

    static void Print(List<(string Backend, LoadResult Result)> results, LoadOptions options)
    {
        var echoClosed = results.First(r => r.Backend == "kestrel" && r.Result.Mode.StartsWith("closed", StringComparison.Ordinal)).Result.Throughput;
        Console.WriteLine($"{options.Megabytes} MB bodies, {Environment.ProcessorCount} cores, {options.Duration.TotalSeconds:0} s a phase");
        Console.WriteLine("| backend | operation | load | done | req/s | × echo | p50 ms | p99 ms | max ms | server CPU ms/req | failures |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (backend, r) in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {backend} | {r.Name} | {r.Mode} | {r.Completed} | {r.Throughput:0.0} | {r.Throughput / echoClosed:0.00} | {r.P50Ms:0.0} | {r.P99Ms:0.0} | {r.MaxMs:0} | {r.CpuMsPerRequest:0.00} | {r.FailureText} |"));
    }

    static byte[] OneFile(int megabytes)
    {
        var path = Path.GetTempFileName();
        try
        {
            BenchmarkPdfs.Write(path, megabytes);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "DocService.sln")))
                return directory.FullName;
        throw new InvalidOperationException("DocService.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The load's settings, from <c>--name value</c> pairs.</summary>
public sealed record LoadOptions(TimeSpan Duration, double Rate, int Concurrency, int Megabytes, int SignDocuments, string? Postgres)
{
    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new LoadOptions(TimeSpan.FromSeconds(Int("--seconds", 10)), Int("--rate", 100), Int("--concurrency", 8), Int("--megabytes", 1),
            Int("--sign-documents", 400), Value("--postgres") ?? Environment.GetEnvironmentVariable("DOCSERVICE_TEST_POSTGRES"));
    }

    public IEnumerable<(string Name, string[] Arguments)> Backends()
    {
        yield return ("sqlite", []);
        if (Postgres is { Length: > 0 })
            yield return ("postgres", ["--Database:Provider", "Postgres", "--ConnectionStrings:DocService",
                $"{Postgres.TrimEnd(';')};Database=docservice_load_{Guid.NewGuid():N}"]);
    }
}
