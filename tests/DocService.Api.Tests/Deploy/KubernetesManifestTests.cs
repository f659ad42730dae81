using System.Text.Json;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests.Deploy;

/// <summary>
/// deploy/kubernetes validated against the Kubernetes API schemas (the kubernetes-models package, independent of
/// this code), then checked for what an operator relies on: probes, limits, secrets by reference, an autoscaler.
/// </summary>
public sealed class KubernetesManifestTests
{
    static readonly string Folder = Path.Combine(RepositoryRoot.Path, "deploy", "kubernetes");

    static async Task<List<JsonElement>> ValidatedManifestsAsync()
    {
        var files = Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal).ToArray();
        files.ShouldNotBeEmpty();
        var result = await NodeValidators.RunAsync("kubernetes.mjs", files);
        result.ExitCode.ShouldBe(0, result.ToString());
        return JsonDocument.Parse(result.Output).RootElement.EnumerateArray().ToList();
    }

    static JsonElement Single(List<JsonElement> manifests, string kind) =>
        manifests.Single(m => m.GetProperty("kind").GetString() == kind);

    [Fact]
    public async Task Every_manifest_is_valid_against_the_kubernetes_schemas()
    {
        var kinds = (await ValidatedManifestsAsync()).Select(m => m.GetProperty("kind").GetString()).ToList();

        kinds.ShouldContain("Deployment");
        kinds.ShouldContain("HorizontalPodAutoscaler");
        kinds.ShouldContain("Service");
    }

    [Fact]
    public async Task The_validator_rejects_a_manifest_that_breaks_the_schema()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"docservice-broken-{Guid.NewGuid():N}.yaml");
        var deployment = await File.ReadAllTextAsync(Path.Combine(Folder, "deployment.yaml"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(broken, deployment.Replace("replicas: 2", "replicas: two"), TestContext.Current.CancellationToken);
        try
        {
            var result = await NodeValidators.RunAsync("kubernetes.mjs", broken);

            result.ExitCode.ShouldBe(1);
            result.Error.ShouldContain("replicas must be integer");
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task The_api_has_probes_resource_limits_and_its_secrets_by_reference()
    {
        var manifests = await ValidatedManifestsAsync();
        var pod = Single(manifests, "Deployment").GetProperty("spec").GetProperty("template").GetProperty("spec");
        var container = pod.GetProperty("containers")[0];

        container.GetProperty("livenessProbe").GetProperty("httpGet").GetProperty("path").GetString().ShouldBe("/health/live");
        container.GetProperty("readinessProbe").GetProperty("httpGet").GetProperty("path").GetString().ShouldBe("/health/ready");
        container.TryGetProperty("startupProbe", out _).ShouldBeTrue();
        container.GetProperty("resources").GetProperty("limits").TryGetProperty("memory", out _).ShouldBeTrue();
        container.GetProperty("resources").GetProperty("limits").TryGetProperty("cpu", out _).ShouldBeTrue();
        container.GetProperty("resources").GetProperty("requests").TryGetProperty("cpu", out _).ShouldBeTrue("the autoscaler needs a CPU request");

        var secret = pod.GetProperty("volumes").EnumerateArray().Single(v => v.TryGetProperty("secret", out _)).GetProperty("secret");
        secret.GetProperty("secretName").GetString().ShouldBe("docservice-secrets");
        secret.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("path").GetString())
            .ShouldBe(["Keys__ProtectionKey", "Database__Password", "Storage__S3__SecretKey"], ignoreOrder: true);
        var settings = Single(manifests, "ConfigMap").GetProperty("data");
        settings.GetProperty("ConnectionStrings__DocService").GetString()!.ShouldNotContain("Password", Case.Insensitive);
        settings.EnumerateObject().Select(s => s.Name).ShouldNotContain(n => n.Contains("SecretKey") || n.Contains("ProtectionKey") || n.Contains("Password"));
        container.GetProperty("volumeMounts").EnumerateArray().ShouldContain(m => m.GetProperty("mountPath").GetString() == settings.GetProperty("SecretsDirectory").GetString());
    }

    [Fact]
    public async Task The_autoscaler_scales_the_api_deployment()
    {
        var manifests = await ValidatedManifestsAsync();
        var hpa = Single(manifests, "HorizontalPodAutoscaler").GetProperty("spec");

        hpa.GetProperty("scaleTargetRef").GetProperty("name").GetString().ShouldBe(Single(manifests, "Deployment").GetProperty("metadata").GetProperty("name").GetString());
        hpa.GetProperty("minReplicas").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        hpa.GetProperty("maxReplicas").GetInt32().ShouldBeGreaterThan(hpa.GetProperty("minReplicas").GetInt32());
    }
}
