using System.CommandLine;
using System.Text.Json;
using DocService.Api.Tests.Infrastructure;
using DocService.Api.Tests.Signing;
using DocService.Cli.Commands;
using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Cli;

/// <summary>docsvc sign --level and docsvc extend, against the development TSA the test host serves.</summary>
public sealed class LevelCommandTests(SqliteTimestampApi api) : IClassFixture<SqliteTimestampApi>, IDisposable
{
    readonly string _files = Directory.CreateTempSubdirectory("docservice-cli-level-").FullName;
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_files, recursive: true);

    string Tsa => new Uri(api.ClientFor(TestOrgans.New(), "drafter").BaseAddress!, "/api/v1/dev/tsa").ToString();

    string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    async Task<int> RunAsync(params string[] args)
    {
        var error = new StringWriter();
        var exitCode = await DocService.Cli.CliErrors.InvokeAsync(new RootCommand { SignCommand.Create(), ExtendCommand.Create() }.Parse(args),
            new InvocationConfiguration { Error = error }, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(error.ToString());
        return exitCode;
    }

    async Task<JsonElement> ReportAsync(string path)
    {
        var output = new StringWriter();
        await new RootCommand { VerifyCommand.Create() }.Parse(["verify", path, "--json", "--trust", DevPki.RootCertificatePath])
            .InvokeAsync(new InvocationConfiguration { Output = output }, Ct);
        return JsonDocument.Parse(output.ToString()).RootElement;
    }

    string[] Key => ["--p12", Path.Combine(DevPki.Directory, "official-rsa2048.p12"), "--password", DevPki.Password];

    [Fact]
    public async Task Sign_at_B_T_adds_a_signature_timestamp_that_verifies()
    {
        var output = Path.Combine(_files, "bt.pdf");

        (await RunAsync(["sign", Write("in.pdf", SamplePdfs.WithText("x")), output, .. Key, "--level", "B-T", "--tsa", Tsa])).ShouldBe(0);

        var signature = (await ReportAsync(output)).GetProperty("signatures")[0];
        signature.GetProperty("level").GetProperty("reached").GetString().ShouldBe("B-T");
        signature.GetProperty("timestamps").GetProperty("signatureTimestamp").GetProperty("valid").GetBoolean().ShouldBeTrue();
        (await Pdfsig.SignatureVerdictsAsync(output)).ShouldBe(["Signature is Valid."]);
    }

    [Fact]
    public async Task Extend_takes_a_B_B_file_to_B_T_and_keeps_the_original_as_prefix()
    {
        var signed = Path.Combine(_files, "bb.pdf");
        (await RunAsync(["sign", Write("in.pdf", SamplePdfs.WithText("x")), signed, .. Key])).ShouldBe(0);
        var extended = Path.Combine(_files, "extended.pdf");

        (await RunAsync("extend", signed, extended, "--level", "B-T", "--tsa", Tsa)).ShouldBe(0);

        var before = await File.ReadAllBytesAsync(signed, Ct);
        var after = await File.ReadAllBytesAsync(extended, Ct);
        after.AsSpan(0, before.Length).SequenceEqual(before).ShouldBeTrue();
        (await ReportAsync(extended)).GetProperty("signatures")[0].GetProperty("level").GetProperty("reached").GetString().ShouldBe("B-T");
    }

    [Fact]
    public async Task Levels_above_B_B_without_a_tsa_are_refused()
    {
        var output = Path.Combine(_files, "out.pdf");

        (await RunAsync(["sign", Write("in.pdf", SamplePdfs.WithText("x")), output, .. Key, "--level", "B-T"])).ShouldBe(2);
        File.Exists(output).ShouldBeFalse();
        (await RunAsync("extend", Write("signed.pdf", SamplePdfs.WithText("x")), output, "--level", "B-T")).ShouldBe(2);
    }
}
