using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DocService.Pdf.Document;
using Shouldly;
using Xunit;

namespace DocService.Cli.Tests.Commands;

/// <summary>
/// docsvc as its own process, as a user runs it: whatever goes wrong, one line on stderr saying what and what to do,
/// an exit code from the documented table, and never a stack trace.
/// </summary>
public sealed class ErrorHandlingTests : IDisposable
{
    readonly string _files = Directory.CreateTempSubdirectory("docsvc-errors-").FullName;
    static readonly string CertsDev = FindCertsDev();
    static string Official => Path.Combine(CertsDev, "official-rsa2048.p12");

    public void Dispose() => Directory.Delete(_files, recursive: true);

    static async Task<(int ExitCode, string Output, string Error)> DocsvcAsync(IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, // no terminal: nothing can be prompted for
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "docsvc.dll"));
        foreach (var argument in args)
            start.ArgumentList.Add(argument);
        start.Environment.Remove("DOCSVC_PASSWORD");
        start.Environment.Remove("DOCSVC_PIN");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    static Task<(int ExitCode, string Output, string Error)> DocsvcAsync(params string[] args) => DocsvcAsync(null, args);

    async Task<string> DraftPdfAsync()
    {
        var draft = Path.Combine(_files, "qd.json");
        var (_, json, _) = await DocsvcAsync("draft", "sample");
        await File.WriteAllTextAsync(draft, json, TestContext.Current.CancellationToken);
        var pdf = Path.Combine(_files, "qd.pdf");
        (await DocsvcAsync("draft", "render", draft, pdf)).ExitCode.ShouldBe(0);
        return pdf;
    }

    static void OneLineNoTrace((int ExitCode, string Output, string Error) run, int exitCode, string says)
    {
        run.ExitCode.ShouldBe(exitCode, run.Error);
        run.Error.ShouldContain(says, Case.Insensitive, run.Error);
        run.Error.ShouldNotContain("   at ", customMessage: run.Error);
        run.Error.ShouldNotContain("Exception", customMessage: run.Error);
        run.Error.Trim().Split('\n').Length.ShouldBeLessThanOrEqualTo(2, run.Error); // the message, and for a wrong argument where --help is
    }

    [Fact]
    public async Task A_missing_input_file_exits_64_naming_it()
    {
        var missing = Path.Combine(_files, "nowhere.pdf");
        OneLineNoTrace(await DocsvcAsync("sign", missing, Path.Combine(_files, "out.pdf"), "--p12", Official, "--password", "dev-password"), 64, $"{missing}: no such file");
    }

    [Fact]
    public async Task Verify_names_a_missing_file_or_a_directory_as_sign_does()
    {
        var missing = Path.Combine(_files, "nowhere.pdf");
        OneLineNoTrace(await DocsvcAsync("verify", missing), 64, $"{missing}: no such file");
        OneLineNoTrace(await DocsvcAsync("verify", _files), 64, "is a directory");
        var pdf = await DraftPdfAsync();
        OneLineNoTrace(await DocsvcAsync("verify", pdf, "--trust", missing), 64, $"--trust: {missing}: no such file");
        OneLineNoTrace(await DocsvcAsync("verify", pdf, "--trust", _files), 64, "--trust: " + _files + " is a directory");
    }

    [Fact]
    public async Task A_directory_where_a_file_belongs_exits_64()
    {
        OneLineNoTrace(await DocsvcAsync("sign", _files, Path.Combine(_files, "out.pdf"), "--p12", Official, "--password", "dev-password"), 64, "is a directory");
        OneLineNoTrace(await DocsvcAsync("sign", await DraftPdfAsync(), Path.Combine(_files, "out.pdf"), "--p12", _files, "--password", "dev-password"), 64, "is a directory");
    }

    [Fact]
    public async Task An_output_in_a_folder_that_does_not_exist_exits_64()
    {
        OneLineNoTrace(await DocsvcAsync("sign", await DraftPdfAsync(), Path.Combine(_files, "no", "such", "out.pdf"), "--p12", Official, "--password", "dev-password"),
            64, "Check the path");
    }

    [Fact]
    public async Task A_wrong_password_exits_77()
    {
        OneLineNoTrace(await DocsvcAsync("sign", await DraftPdfAsync(), Path.Combine(_files, "out.pdf"), "--p12", Official, "--password", "wrong"), 77, "password is wrong");
    }

    [Fact]
    public async Task Without_a_password_and_without_a_terminal_it_says_how_to_give_one()
    {
        OneLineNoTrace(await DocsvcAsync("sign", await DraftPdfAsync(), Path.Combine(_files, "out.pdf"), "--p12", Official), 64, "DOCSVC_PASSWORD");
    }

    [Fact]
    public async Task An_unreachable_TSA_exits_69()
    {
        OneLineNoTrace(await DocsvcAsync("sign", await DraftPdfAsync(), Path.Combine(_files, "out.pdf"), "--p12", Official, "--password", "dev-password",
            "--level", "B-T", "--tsa", $"http://127.0.0.1:{DeadPort()}/tsa"), 69, "timestamp");
        File.Exists(Path.Combine(_files, "out.pdf")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_unreachable_server_exits_69()
    {
        OneLineNoTrace(await DocsvcAsync("token-sign", "--server", $"http://127.0.0.1:{DeadPort()}/", "--token", "x", "--document", Guid.NewGuid().ToString(),
            "--p12", Official, "--password", "dev-password"), 69, "Cannot reach the server");
    }

    [Fact]
    public async Task The_password_comes_from_the_environment_and_each_signature_takes_the_next_free_field()
    {
        var environment = new Dictionary<string, string> { ["DOCSVC_PASSWORD"] = "dev-password" };
        var once = Path.Combine(_files, "once.pdf");
        var twice = Path.Combine(_files, "twice.pdf");

        var first = await DocsvcAsync(environment, "sign", await DraftPdfAsync(), once, "--p12", Official);
        first.ExitCode.ShouldBe(0, first.Error);
        var second = await DocsvcAsync(environment, "sign", once, twice, "--p12", Official);
        second.ExitCode.ShouldBe(0, second.Error);

        await using var signed = File.OpenRead(twice);
        var signatures = PdfDocument.Open(signed).Fields.Where(f => f.IsSigned).Select(f => f.FullName).ToList();
        signatures.ShouldContain("Signature1");
        signatures.ShouldContain("Signature2");
    }

    static int DeadPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static string FindCertsDev()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "certs-dev", "index.json")))
                return Path.Combine(directory.FullName, "certs-dev");
        }
        throw new InvalidOperationException("certs-dev not found above " + AppContext.BaseDirectory);
    }
}
