using System.Text.Json;
using DocService.Api.Tests.Infrastructure;
using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Deploy;

/// <summary>
/// docker-compose.yml as docker-compose itself reads it (v1's <c>config</c>, which parses, validates against the
/// compose schema and interpolates the example .env), then the shape of the stack: one published service that
/// terminates TLS, health and restart everywhere, secrets as files and never in a connection string.
/// </summary>
public sealed class ComposeTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<JsonElement> ComposeConfigAsync()
    {
        var result = await ExternalTool.RunAsync("docker-compose",
            "--project-directory", RepositoryRoot.Path,
            "-f", Path.Combine(RepositoryRoot.Path, "docker-compose.yml"),
            "--env-file", Path.Combine(RepositoryRoot.Path, "deploy", "compose", "env.example"),
            "config");
        result.ExitCode.ShouldBe(0, result.ToString());
        var normalised = Path.Combine(Path.GetTempPath(), $"docservice-compose-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(normalised, result.Output, Ct);
        try
        {
            return (await NodeValidators.YamlAsJsonAsync(normalised)).GetProperty("services");
        }
        finally
        {
            File.Delete(normalised);
        }
    }

    [Fact]
    public async Task Only_the_tls_proxy_publishes_ports()
    {
        var services = await ComposeConfigAsync();

        services.EnumerateObject().Where(s => s.Value.TryGetProperty("ports", out _)).Select(s => s.Name).ShouldBe(["proxy"]);
        var published = services.GetProperty("proxy").GetProperty("ports").EnumerateArray()
            .Select(p => p.ValueKind == JsonValueKind.String ? p.GetString()! : p.GetProperty("published").ToString()).ToList();
        published.ShouldContain(p => p.Contains("443"));
        var caddyfile = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "deploy", "compose", "Caddyfile"), Ct);
        caddyfile.ShouldContain("tls /run/secrets/tls_certificate /run/secrets/tls_key");
        caddyfile.ShouldContain("reverse_proxy api:8080");
    }

    [Fact]
    public async Task Every_long_running_service_has_a_healthcheck_and_every_service_a_restart_policy()
    {
        var services = await ComposeConfigAsync();
        var oneShots = services.EnumerateObject()
            .SelectMany(s => s.Value.TryGetProperty("depends_on", out var d) && d.ValueKind == JsonValueKind.Object ? d.EnumerateObject() : [])
            .Where(d => d.Value.GetProperty("condition").GetString() == "service_completed_successfully")
            .Select(d => d.Name).ToHashSet();

        oneShots.ShouldBe(["minio-init"]);
        foreach (var service in services.EnumerateObject())
        {
            service.Value.TryGetProperty("restart", out var restart).ShouldBeTrue($"{service.Name} has no restart policy");
            restart.GetString().ShouldNotBe("no", $"{service.Name} is never restarted");
            if (!oneShots.Contains(service.Name))
                service.Value.GetProperty("healthcheck").GetProperty("test").GetArrayLength().ShouldBeGreaterThan(0, $"{service.Name} has no healthcheck");
        }
    }

    [Fact]
    public async Task The_api_gets_every_secret_it_needs_as_a_file_and_no_password_in_its_environment()
    {
        var api = (await ComposeConfigAsync()).GetProperty("api");
        var environment = api.GetProperty("environment");

        var secretFiles = api.GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("target").GetString()).ToList();
        secretFiles.ShouldBe(["Keys__ProtectionKey", "Database__Password", "Storage__S3__SecretKey"], ignoreOrder: true);
        environment.GetProperty("SecretsDirectory").GetString().ShouldBe("/run/secrets");
        environment.GetProperty("ConnectionStrings__DocService").GetString()!.ShouldNotContain("Password", Case.Insensitive);
        environment.EnumerateObject().Select(e => e.Name).ShouldNotContain(n => n.Contains("Secret") && n != "SecretsDirectory" || n.Contains("Password") || n.Contains("ProtectionKey"));
        environment.GetProperty("ASPNETCORE_ENVIRONMENT").GetString().ShouldBe("Production");
        environment.GetProperty("Auth__Authority").GetString()!.ShouldStartWith("https://");
        environment.GetProperty("Storage__Kind").GetString().ShouldBe("S3");
        environment.GetProperty("Storage__S3__AccessKey").GetString().ShouldBe("docservice", "the API's own user, not MinIO's root");
    }

    [Fact]
    public async Task Minio_holds_an_object_lock_bucket_and_the_api_its_own_user()
    {
        var services = await ComposeConfigAsync();
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "deploy", "compose", "minio-init.sh"), Ct);

        services.GetProperty("minio-init").GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("source").GetString())
            .ShouldBe(["minio_root_user", "minio_root_password", "s3_secret"], ignoreOrder: true);
        script.ShouldContain("mc mb --ignore-existing --with-lock");
        script.ShouldContain("mc retention set --default COMPLIANCE");
        script.ShouldContain("mc admin user add local docservice");
        script.ShouldContain("\"arn:aws:s3:::$bucket/*\"");
        services.GetProperty("postgres").GetProperty("environment").GetProperty("POSTGRES_PASSWORD_FILE").GetString().ShouldBe("/run/secrets/postgres_password");
    }
}
