using System.Xml.Linq;
using DocService.Api.Tests.Infrastructure;

namespace DocService.Api.Tests.Architecture;

/// <summary>
/// DESIGN §2: Pdf ← Signing ← Api; Drafting, Exchange ← Api; the CLI uses the libraries; libraries
/// never reference ASP.NET Core or EF Core; the web application reaches the service through its API. Read from the project files, so a new reference fails here.
/// </summary>
public sealed class DependencyRuleTests
{
    static readonly Dictionary<string, string[]> AllowedLibraryReferences = new()
    {
        ["DocService.Pdf"] = [],
        ["DocService.Signing"] = ["DocService.Pdf"],
        ["DocService.Drafting"] = ["DocService.Pdf"],
        ["DocService.Exchange"] = [],
        ["DocService.AxisSimulator"] = ["DocService.Exchange"],
    };

    static readonly string[] WebOrDataPackages = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "Swashbuckle"];

    static IEnumerable<(string Name, XDocument Project)> SourceProjects() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => (Path.GetFileNameWithoutExtension(path), XDocument.Load(path)));

    static IEnumerable<string> ProjectReferences(XDocument project) =>
        project.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));

    [Fact]
    public void Libraries_reference_only_the_libraries_below_them()
    {
        var libraries = SourceProjects().Where(p => p.Name is not ("DocService.Api" or "DocService.Cli" or "DocService.Web")).ToList();

        foreach (var (name, project) in libraries)
        {
            AllowedLibraryReferences.ShouldContainKey(name, $"{name} is a new library: give it a place in the dependency rule.");
            ProjectReferences(project).ShouldBeSubsetOf(AllowedLibraryReferences[name], $"{name} references a project it must not.");
        }
    }

    [Fact]
    public void Libraries_use_neither_the_web_stack_nor_the_database()
    {
        foreach (var (name, project) in SourceProjects().Where(p => AllowedLibraryReferences.ContainsKey(p.Name) && p.Name != "DocService.AxisSimulator"))
        {
            project.Root!.Attribute("Sdk")!.Value.ShouldBe("Microsoft.NET.Sdk", $"{name} must not be a web project.");
            var packages = project.Descendants("PackageReference").Select(p => p.Attribute("Include")!.Value);
            packages.ShouldNotContain(p => WebOrDataPackages.Any(p.StartsWith), $"{name} references the web stack or a database.");
        }
    }

    [Fact]
    public void The_web_application_reaches_the_service_only_through_its_api()
    {
        var (_, web) = SourceProjects().Single(p => p.Name == "DocService.Web");
        // The report records it shows come from Signing; everything else it asks the API for, over HTTP.
        ProjectReferences(web).ShouldBe(["DocService.Signing"]);
        web.Descendants("PackageReference").Select(p => p.Attribute("Include")!.Value)
            .ShouldNotContain(p => p.StartsWith("Microsoft.EntityFrameworkCore") || p.StartsWith("Npgsql"), "The pages never touch the database.");
    }

    [Fact]
    public void Nothing_references_the_api_but_the_cli()
    {
        foreach (var (name, project) in SourceProjects().Where(p => p.Name != "DocService.Cli"))
            ProjectReferences(project).ShouldNotContain("DocService.Api", $"{name} must not depend on the host.");
    }
}
