using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocService.Api.Tests.Infrastructure;
using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Deploy;

/// <summary>
/// The image's restore layer copies only project files, so `publish --no-restore` fails for any project the API
/// needs whose csproj was not copied. The projects are read from the csproj files, so a new reference fails here
/// until the Dockerfile has its line.
/// </summary>
public sealed partial class DockerfileTests
{
    static readonly string Dockerfile = Path.Combine(RepositoryRoot.Path, "src", "DocService.Api", "Dockerfile");
    const string ApiProject = "src/DocService.Api/DocService.Api.csproj";

    [Fact]
    public void Restore_layer_copies_every_project_the_api_needs_directly_or_through_another()
    {
        var copied = FilesCopiedBeforeRestore(File.ReadAllLines(Dockerfile));

        var needed = ProjectClosure(ApiProject);
        needed.ShouldContain("src/DocService.Exchange/DocService.Exchange.csproj");
        needed.Where(p => !copied.Contains(p)).ShouldBeEmpty("the Dockerfile's restore layer must COPY these project files");
        foreach (var shared in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
            copied.ShouldContain(shared);
    }

    [Fact]
    public void The_check_notices_a_project_reference_the_restore_layer_misses()
    {
        var lines = File.ReadAllLines(Dockerfile).Where(l => !l.Contains("DocService.Exchange.csproj")).ToArray();

        ProjectClosure(ApiProject).Where(p => !FilesCopiedBeforeRestore(lines).Contains(p))
            .ShouldBe(["src/DocService.Exchange/DocService.Exchange.csproj"]);
    }

    [Fact]
    public void Restore_and_publish_name_the_api_project()
    {
        var text = File.ReadAllText(Dockerfile);

        text.ShouldContain($"RUN dotnet restore {ApiProject}");
        text.ShouldContain($"RUN dotnet publish {ApiProject} --no-restore");
    }

    /// <summary>Where a Docker engine answers, the image builds and its container becomes healthy; here there is none.</summary>
    [Fact]
    public async Task Image_builds_and_starts_where_a_docker_engine_runs()
    {
        var hasDockerCli = Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(d => File.Exists(Path.Combine(d, "docker")));
        if (!hasDockerCli || (await ExternalTool.RunAsync("docker", "info", "--format", "{{.ServerVersion}}")).ExitCode != 0)
            Assert.Skip("No Docker engine answers on this machine: the image build is checked where one runs.");

        var tag = $"docservice-api-test:{Guid.NewGuid():N}";
        var build = await ExternalTool.RunAsync("docker", "build", "-f", Dockerfile, "-t", tag, RepositoryRoot.Path);
        build.ExitCode.ShouldBe(0, build.ToString());
        try
        {
            // Started without configuration it must refuse at once with the setting named, not crash.
            var run = await ExternalTool.RunAsync("docker", "run", "--rm", tag);
            run.ExitCode.ShouldBe(78, run.ToString());
            run.Error.ShouldContain("Auth:Authority");
        }
        finally
        {
            await ExternalTool.RunAsync("docker", "rmi", "-f", tag);
        }
    }

    /// <summary>Repository-relative paths of the COPY sources above the first <c>dotnet restore</c>.</summary>
    static HashSet<string> FilesCopiedBeforeRestore(IEnumerable<string> lines)
    {
        var copied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("RUN dotnet restore", StringComparison.Ordinal))
                return copied;
            if (Copy().Match(line) is { Success: true } copy)
                foreach (var source in copy.Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    copied.Add(source);
        }
        throw new ShouldAssertException("The Dockerfile has no `RUN dotnet restore` step.");
    }

    /// <summary>The project and everything it references, transitively, as repository-relative paths.</summary>
    static SortedSet<string> ProjectClosure(string project)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
                continue;
            var directory = Path.GetDirectoryName(Path.Combine(RepositoryRoot.Path, next))!;
            foreach (var reference in XDocument.Load(Path.Combine(RepositoryRoot.Path, next)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(directory, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepositoryRoot.Path, full).Replace('\\', '/'));
            }
        }
        return found;
    }

    // COPY [--from=…] src… dest: everything between the instruction and its last argument is a source.
    [GeneratedRegex(@"^\s*COPY\s+(?!--from)(?<sources>(\S+\s+)+)\S+\s*$")]
    private static partial Regex Copy();
}
