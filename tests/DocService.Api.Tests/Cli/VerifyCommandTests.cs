using System.CommandLine;
using System.Text.Json;
using DocService.Api.Tests.Infrastructure;
using DocService.Cli.Commands;
using DocService.Pdf.Objects;
using DocService.Signing.Cms;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Cli;

/// <summary>docsvc verify: the report and the exit codes scripts rely on (0 passed, 1 indeterminate, 2 failed, 64 unreadable).</summary>
public sealed class VerifyCommandTests : IDisposable
{
    readonly string _files = Directory.CreateTempSubdirectory("docservice-cli-verify-").FullName;

    public void Dispose() => Directory.Delete(_files, recursive: true);

    async Task<string> SignedAsync(string name)
    {
        using var input = new MemoryStream(SamplePdfs.WithText("verify me"));
        using var output = new MemoryStream();
        await new PadesSigner(new CmsSignatureBuilder()).SignAsync(input, output, DevPki.Signer("official-rsa2048"),
            new PadesSignatureOptions { FieldName = "Leader", Placement = new FieldPlacement(0, new PdfRectangle(300, 100, 500, 160)) },
            TestContext.Current.CancellationToken);
        return Write(name, output.ToArray());
    }

    string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        // Through the tool's own error handling, as docsvc runs: a missing file is refused while parsing (exit 64).
        var exitCode = await DocService.Cli.CliErrors.InvokeAsync(new RootCommand { VerifyCommand.Create() }.Parse(args),
            new InvocationConfiguration { Output = output, Error = output }, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task Trusted_signature_without_revocation_data_exits_1_indeterminate()
    {
        var (exitCode, output) = await RunAsync("verify", await SignedAsync("signed.pdf"), "--trust", DevPki.RootCertificatePath);

        exitCode.ShouldBe(VerifyCommand.Indeterminate, output);
    }

    [Fact]
    public async Task Json_report_names_each_signature_and_the_indication()
    {
        var (_, output) = await RunAsync("verify", await SignedAsync("signed.pdf"), "--json", "--trust", DevPki.RootCertificatePath);

        var report = JsonDocument.Parse(output).RootElement;
        report.GetProperty("indication").GetString().ShouldNotBeNullOrEmpty();
        report.GetProperty("signatures")[0].GetProperty("fieldName").GetString().ShouldBe("Leader");
        report.GetProperty("signatures")[0].GetProperty("integrity").GetProperty("valid").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Tampered_file_exits_2()
    {
        var path = await SignedAsync("signed.pdf");
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        var at = System.Text.Encoding.ASCII.GetString(bytes).IndexOf("verify me", StringComparison.Ordinal);
        bytes[at] = (byte)'V';

        (await RunAsync("verify", Write("tampered.pdf", bytes), "--trust", DevPki.RootCertificatePath)).ExitCode.ShouldBe(VerifyCommand.Failed);
    }

    [Fact]
    public async Task Unsigned_file_exits_2_and_unreadable_input_64()
    {
        (await RunAsync("verify", Write("plain.pdf", SamplePdfs.WithText("x")))).ExitCode.ShouldBe(VerifyCommand.Failed);
        (await RunAsync("verify", Write("garbage.pdf", "not a pdf at all"u8.ToArray()))).ExitCode.ShouldBe(VerifyCommand.Unreadable);
        (await RunAsync("verify", Path.Combine(_files, "missing.pdf"))).ExitCode.ShouldBe(VerifyCommand.Unreadable);
    }
}
