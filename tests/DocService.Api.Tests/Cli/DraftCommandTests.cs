using System.CommandLine;
using System.Net;
using System.Text;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Drafting;
using DocService.Api.Tests.Infrastructure;
using DocService.Cli.Commands;
using DocService.Pdf.Document;

namespace DocService.Api.Tests.Cli;

/// <summary><c>docsvc draft sample</c> and <c>docsvc draft render</c>, with the API as the judge of the JSON they share.</summary>
public sealed class DraftCommandTests(SqliteApi api) : IClassFixture<SqliteApi>, IDisposable
{
    readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("docsvc-draft-");

    static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = new RootCommand { DraftCommand.Create() }.Parse(args)
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    string PathOf(string name) => Path.Combine(_scratch.FullName, name);

    [Theory]
    [InlineData("quyet-dinh")]
    [InlineData("cong-van")]
    public async Task Sample_prints_a_complete_draft_the_api_accepts(string type)
    {
        var (exitCode, json, error) = Run("draft", "sample", "--type", type);

        exitCode.ShouldBe(0, error);
        json.ShouldContain("\"notation\"");
        json.ShouldContain("Nghệ An", customMessage: "Vietnamese is printed as it is, not as \\u escapes");
        DraftJson.Deserialize(json).ToDraft().ShouldNotBeNull();
        var client = api.ClientFor("drafter.cli", TestOrgans.New(), ["drafter"]);
        var response = await client.PostAsync("/api/v1/documents", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await response.ShouldBeJsonAsync<DocumentResponse>(HttpStatusCode.Created);
    }

    [Fact]
    public void Sample_refuses_an_unknown_type()
    {
        Run("draft", "sample", "--type", "nghi-quyet").ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public void Render_writes_a_pdf_with_the_four_fields()
    {
        File.WriteAllText(PathOf("qd.json"), Run("draft", "sample").Output);

        var (exitCode, output, error) = Run("draft", "render", PathOf("qd.json"), PathOf("qd.pdf"));

        exitCode.ShouldBe(0, error);
        output.ShouldContain("qd.pdf");
        using var pdf = File.OpenRead(PathOf("qd.pdf"));
        PdfDocument.Open(pdf).Fields.Select(f => f.FullName).ShouldBe(["number", "date", "signer", "organisation"], ignoreOrder: true);
    }

    [Fact]
    public void Render_names_the_bad_field_and_writes_nothing()
    {
        File.WriteAllText(PathOf("bad.json"), Run("draft", "sample").Output.Replace("\"fullName\": \"Nguyễn Văn An\"", "\"fullName\": \"\""));

        var (exitCode, _, error) = Run("draft", "render", PathOf("bad.json"), PathOf("bad.pdf"));

        exitCode.ShouldBe(2);
        error.ShouldContain("signer.fullName");
        File.Exists(PathOf("bad.pdf")).ShouldBeFalse();
    }

    [Fact]
    public void Render_refuses_json_that_is_not_a_draft()
    {
        File.WriteAllText(PathOf("other.json"), "{\"hello\": 1}");

        var (exitCode, _, error) = Run("draft", "render", PathOf("other.json"), PathOf("other.pdf"));

        exitCode.ShouldBe(2);
        error.ShouldContain("not a draft");
    }

    public void Dispose() => _scratch.Delete(recursive: true);
}
