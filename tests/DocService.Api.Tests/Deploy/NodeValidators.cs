using System.Text.Json;
using DocService.Api.Tests.Infrastructure;
using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Deploy;

/// <summary>
/// The independent validators under scripts/validators (Kubernetes schemas, the OpenAPI schema, a YAML reader),
/// run with node. scripts/install-test-deps.sh installs node and their packages; without them the tests skip,
/// or fail under the test command.
/// </summary>
public static class NodeValidators
{
    static string Directory => Path.Combine(RepositoryRoot.Path, "scripts", "validators");

    public static async Task<ToolResult> RunAsync(string script, params string[] arguments)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules")))
        {
            var reason = "scripts/validators/node_modules is missing (scripts/install-test-deps.sh runs npm ci there).";
            if (RequiredService.Required)
                Assert.Fail(reason);
            Assert.Skip(reason);
        }
        return await ExternalTool.RunAsync("node", [Path.Combine(Directory, script), .. arguments]);
    }

    /// <summary>A YAML file as JSON, read by the <c>yaml</c> package.</summary>
    public static async Task<JsonElement> YamlAsJsonAsync(string path)
    {
        var result = await RunAsync("yaml-json.mjs", path);
        result.ExitCode.ShouldBe(0, result.ToString());
        return JsonDocument.Parse(result.Output).RootElement;
    }
}
