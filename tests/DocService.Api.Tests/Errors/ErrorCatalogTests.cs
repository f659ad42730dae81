using System.Text.Json;
using System.Text.RegularExpressions;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests.Errors;

/// <summary>
/// api-spec/error-codes.json publishes every code with its status and titles. It is generated from ErrorCatalog
/// (DOCSERVICE_UPDATE_OPENAPI=1 rewrites it, as for openapi.json), and the catalog must know every code the source
/// throws as an ApiException.
/// </summary>
public sealed partial class ErrorCatalogTests
{
    static readonly string Published = Path.Combine(RepositoryRoot.Path, "api-spec", "error-codes.json");

    [Fact]
    public void Every_code_the_api_throws_is_in_the_catalog()
    {
        var thrown = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src", "DocService.Api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"))
            .SelectMany(f => ThrownCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .ToHashSet();

        thrown.Count.ShouldBeGreaterThan(20);
        thrown.Where(code => ErrorCatalog.Find(code) is null).ShouldBeEmpty("add these codes to ErrorCatalog");
        ErrorCatalog.All.Select(e => e.Code).ShouldBeUnique();
        ErrorCatalog.All.ShouldAllBe(e => e.TitleVi.Length > 0 && e.Title.Length > 0 && e.Status >= 400);
    }

    [Fact]
    public async Task The_published_list_matches_the_catalog()
    {
        var generated = JsonSerializer.Serialize(
            ErrorCatalog.All.OrderBy(e => e.Status).ThenBy(e => e.Code, StringComparer.Ordinal)
                .Select(e => new { code = e.Code, status = e.Status, title = e.Title, titleVi = e.TitleVi }),
            new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (Environment.GetEnvironmentVariable("DOCSERVICE_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(Published, generated, TestContext.Current.CancellationToken);

        File.Exists(Published).ShouldBeTrue("api-spec/error-codes.json is missing; regenerate it (DOCSERVICE_UPDATE_OPENAPI=1).");
        (await File.ReadAllTextAsync(Published, TestContext.Current.CancellationToken)).ShouldBe(generated, "api-spec/error-codes.json is out of date");
    }

    // new ApiException(422, "signature.no_key", …) and new(StatusCodes.Status409Conflict, "job.not_retryable", …) in a throw helper.
    [GeneratedRegex(@"(?:ApiException|new)\(\s*(?:StatusCodes\.Status)?\d{3}[A-Za-z]*\s*,\s*""(?<code>[a-z_]+\.[a-z_]+)""")]
    private static partial Regex ThrownCode();
}
