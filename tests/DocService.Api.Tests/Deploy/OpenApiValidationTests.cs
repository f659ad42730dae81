using System.Text.Json;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests.Deploy;

/// <summary>
/// api-spec/openapi.json (kept equal to the running service by HostTests) read by an independent validator:
/// @apidevtools/swagger-parser checks it against the OpenAPI schema and resolves every reference.
/// </summary>
public sealed class OpenApiValidationTests
{
    static readonly string Document = Path.Combine(RepositoryRoot.Path, "api-spec", "openapi.json");

    [Fact]
    public async Task The_published_document_passes_an_independent_openapi_validator()
    {
        var result = await NodeValidators.RunAsync("openapi.mjs", Document);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldStartWith("valid: OpenAPI 3.1");
    }

    [Fact]
    public async Task Component_names_are_valid_and_properties_carry_the_xml_comments()
    {
        var schemas = JsonDocument.Parse(await File.ReadAllTextAsync(Document, TestContext.Current.CancellationToken)).RootElement
            .GetProperty("components").GetProperty("schemas");

        schemas.EnumerateObject().Select(s => s.Name).ShouldAllBe(name => System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-zA-Z0-9._-]+$"));
        schemas.EnumerateObject().ShouldContain(s => s.Name.Contains("PageOf_"));
        schemas.EnumerateObject().SelectMany(s => s.Value.TryGetProperty("properties", out var p) ? p.EnumerateObject() : [])
            .Count(p => p.Value.TryGetProperty("description", out _)).ShouldBeGreaterThan(10);
    }
}
