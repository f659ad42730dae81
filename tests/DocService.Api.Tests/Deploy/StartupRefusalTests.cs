using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests.Deploy;

/// <summary>
/// The built service started as an operator starts it — its own process, Production, configured through the
/// environment only — with one thing wrong each time. It must exit with EX_CONFIG (78) and one line naming the
/// setting, never start and answer 500, never print a stack trace.
/// </summary>
[Trait("Category", "Process")]
public sealed class StartupRefusalTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("docservice-refusal-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>A Production configuration that is complete but for what each test takes away or breaks.</summary>
    Dictionary<string, string?> Production() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DataDirectory"] = _directory,
        ["Auth__Authority"] = "https://id.example.gov.vn/realms/agency",
        ["Keys__ProtectionKey"] = ApiFactory.KeyProtectionKey,
    };

    [Fact]
    public async Task Production_without_an_oidc_authority_refuses_naming_Auth_Authority()
    {
        var settings = Production();
        settings.Remove("Auth__Authority");

        var refusal = await StartAsync(settings);

        refusal.Lines.ShouldContain(l => l.StartsWith("DocService refuses to start: Auth:Authority is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_with_the_development_signing_key_refuses_even_beside_an_authority()
    {
        var settings = Production();
        settings["Auth__DevSigningKey"] = ApiFactory.SigningKey;

        var refusal = await StartAsync(settings);

        refusal.Lines.ShouldBe(["DocService refuses to start: Auth:DevSigningKey is set in the Production environment: development tokens are honoured only in Development; remove it and set Auth:Authority to your OIDC provider."]);
    }

    [Fact]
    public async Task Production_without_the_key_protection_key_refuses_naming_Keys_ProtectionKey()
    {
        var settings = Production();
        settings.Remove("Keys__ProtectionKey");

        var refusal = await StartAsync(settings);

        refusal.Lines.ShouldBe(["DocService refuses to start: Keys:ProtectionKey is not set: give a base64 32-byte key from your secret store (generate one with: openssl rand -base64 32)."]);
    }

    [Fact]
    public async Task A_protection_key_of_the_wrong_length_is_refused_without_showing_it()
    {
        var settings = Production();
        settings["Keys__ProtectionKey"] = Convert.ToBase64String(new byte[16]);

        var refusal = await StartAsync(settings);

        refusal.Lines.ShouldBe(["DocService refuses to start: Keys:ProtectionKey decodes to 16 bytes; AES-256-GCM needs 32."]);
    }

    [Fact]
    public async Task An_unreachable_database_refuses_naming_the_connection_string_and_the_server()
    {
        var port = ClosedPort();
        var settings = Production();
        settings["Database__Provider"] = "Postgres";
        settings["ConnectionStrings__DocService"] = $"Host=127.0.0.1;Port={port};Database=docservice;Username=docservice";

        var refusal = await StartAsync(settings);

        var line = refusal.Lines.ShouldHaveSingleItem();
        line.ShouldStartWith($"DocService refuses to start: ConnectionStrings:DocService: no PostgreSQL at 127.0.0.1:{port} answers");
        line.ShouldContain("check Host and Port");
    }

    [Fact]
    public async Task A_login_the_database_refuses_is_named_with_its_user()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(RequiredService.Get("DOCSERVICE_TEST_POSTGRES", "PostgreSQL"))
        {
            Username = "nobody_" + Guid.NewGuid().ToString("N")[..8],
            Database = "docservice",
        };
        var settings = Production();
        settings["Database__Provider"] = "Postgres";
        settings["ConnectionStrings__DocService"] = server.ConnectionString;

        var refusal = await StartAsync(settings);

        refusal.Lines.ShouldHaveSingleItem().ShouldStartWith(
            $"DocService refuses to start: ConnectionStrings:DocService: PostgreSQL at {server.Host}:{server.Port} refused the login of user '{server.Username}'");
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_and_an_unknown_storage_kind_are_both_named()
    {
        var settings = Production();
        settings["Database__Provider"] = "Postgres";
        settings["Storage__Kind"] = "Tape";

        var refusal = await StartAsync(settings);

        refusal.Lines.ShouldContain(l => l.StartsWith("DocService refuses to start: ConnectionStrings:DocService is not set", StringComparison.Ordinal));
        refusal.Lines.ShouldContain("DocService refuses to start: Storage:Kind is 'Tape': it must be FileSystem or S3.");
    }

    [Fact]
    public async Task An_incomplete_s3_configuration_names_each_missing_setting()
    {
        var settings = Production();
        settings["Storage__Kind"] = "S3";
        settings["Storage__S3__Bucket"] = "Archive_2026";

        var refusal = await StartAsync(settings);

        refusal.Lines.Select(l => l.Split(' ')[4]).ShouldBe(
            ["Storage:S3:Endpoint", "Storage:S3:AccessKey", "Storage:S3:SecretKey", "Storage:S3:Bucket"]);
    }

    [Fact]
    public async Task An_unreachable_s3_endpoint_names_the_endpoint_and_what_to_check()
    {
        var port = ClosedPort();
        var settings = Production();
        settings["Storage__Kind"] = "S3";
        settings["Storage__S3__Endpoint"] = $"127.0.0.1:{port}";
        settings["Storage__S3__UseTls"] = "false";
        settings["Storage__S3__AccessKey"] = "docservice";
        settings["Storage__S3__SecretKey"] = "not-a-real-secret";

        var refusal = await StartAsync(settings);

        var line = refusal.Lines.ShouldHaveSingleItem();
        line.ShouldStartWith($"DocService refuses to start: Storage:S3:Endpoint: no S3 server answers at http://127.0.0.1:{port}");
        line.ShouldContain("check the host and port, Storage:S3:UseTls (TLS is off)");
    }

    [Fact]
    public async Task Credentials_the_s3_server_refuses_are_named()
    {
        var endpoint = RequiredService.Get("S3_ENDPOINT", "the S3 server (Ceph RGW)");
        var settings = Production();
        settings["Storage__Kind"] = "S3";
        settings["Storage__S3__Endpoint"] = endpoint;
        settings["Storage__S3__AccessKey"] = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        settings["Storage__S3__SecretKey"] = "not-the-secret";
        settings["Storage__S3__Bucket"] = "docservice-refusal";

        var refusal = await StartAsync(settings);

        refusal.Lines.ShouldHaveSingleItem().ShouldStartWith($"DocService refuses to start: Storage:S3:AccessKey: the S3 server at {endpoint.TrimEnd('/')}");
    }

    [Fact]
    public async Task Secrets_come_from_the_files_of_the_secrets_directory()
    {
        var secrets = Directory.CreateDirectory(Path.Combine(_directory, "secrets")).FullName;
        await File.WriteAllTextAsync(Path.Combine(secrets, "Keys__ProtectionKey"), ApiFactory.KeyProtectionKey + "\n", TestContext.Current.CancellationToken);
        var settings = Production();
        settings.Remove("Keys__ProtectionKey");
        settings.Remove("Auth__Authority");
        settings["SecretsDirectory"] = secrets;

        var refusal = await StartAsync(settings);

        refusal.Lines.ShouldHaveSingleItem().ShouldStartWith("DocService refuses to start: Auth:Authority");
    }

    sealed record Refusal(IReadOnlyList<string> Lines);

    /// <summary>Starts DocService.Api.dll with exactly these settings and expects it to refuse within a minute.</summary>
    async Task<Refusal> StartAsync(Dictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory,   // no appsettings.json here: only the environment configures it
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DocService.Api.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{ClosedPort()}");
        foreach (var variable in start.Environment.Keys.Where(k => k.Contains("__") || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(variable);
        foreach (var (key, value) in settings)
            start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new ShouldAssertException($"The service did not refuse within a minute.\n{await output}\n{await error}");
        }
        var (stdout, stderr) = (await output, await error);
        var context = $"stdout:\n{stdout}\nstderr:\n{stderr}";
        process.ExitCode.ShouldBe(78, context);
        stdout.ShouldNotContain("   at ", customMessage: context);
        stderr.ShouldNotContain("   at ", customMessage: context);
        stderr.ShouldNotContain("Exception", customMessage: context);
        return new Refusal(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
