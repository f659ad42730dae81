using Shouldly;
using Xunit;

namespace DocService.Cli.Tests.Commands;

public sealed class DevPkiCommandTests(GeneratedPki pki) : IDisposable
{
    readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("docsvc-dev-pki-command-");

    [Fact]
    public void Generating_exits_zero_and_prints_every_file_it_wrote()
    {
        pki.ExitCode.ShouldBe(0, pki.Output);
        foreach (var file in Directory.EnumerateFiles(pki.Directory))
            pki.Output.ShouldContain(Path.GetFileName(file));
    }

    [Fact]
    public void Refuses_to_overwrite_a_non_empty_directory()
    {
        var existing = Path.Combine(scratch.FullName, "root.crt");
        File.WriteAllText(existing, "someone's real root");

        var (exitCode, _, error) = DocsvcCli.Run("dev-pki", scratch.FullName);

        exitCode.ShouldNotBe(0);
        error.ShouldContain("--force");
        File.ReadAllText(existing).ShouldBe("someone's real root");
        scratch.EnumerateFiles().Count().ShouldBe(1);
    }

    [Fact]
    public void Force_regenerates_into_a_non_empty_directory()
    {
        File.WriteAllText(Path.Combine(scratch.FullName, "root.crt"), "stale");

        var (exitCode, output, _) = DocsvcCli.Run("dev-pki", scratch.FullName, "--force");

        exitCode.ShouldBe(0, output);
        File.ReadAllText(Path.Combine(scratch.FullName, "root.crt")).ShouldStartWith("-----BEGIN CERTIFICATE-----");
        File.Exists(Path.Combine(scratch.FullName, "index.json")).ShouldBeTrue();
    }

    [Fact]
    public void Readme_warns_against_production_use_and_says_how_to_regenerate()
    {
        var readme = File.ReadAllText(pki.PathOf("README.md"));

        readme.ShouldContain("NEVER trust these certificates in production");
        readme.ShouldContain("dotnet run --project src/DocService.Cli -- dev-pki certs-dev");
        foreach (var entry in pki.Index)
            readme.ShouldContain($"`{entry.Certificate}`");
    }

    public void Dispose() => scratch.Delete(recursive: true);
}
