using DocService.Drafting.Rendering;

namespace DocService.Drafting.Tests;

public class DependencyTests
{
    /// <summary>The drafting library stays a library: PDFsharp and the framework, no web or database stack.</summary>
    [Fact]
    public void Drafting_references_nothing_but_PDFsharp_and_the_framework()
    {
        var references = typeof(DraftRenderer).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldNotContain(name => name.StartsWith("Microsoft.AspNetCore") || name.StartsWith("Microsoft.EntityFrameworkCore"));
        references.Where(name => !(name.StartsWith("System") || name is "netstandard" or "mscorlib" || name.StartsWith("Microsoft.Win32")))
            .ShouldAllBe(name => name.StartsWith("PdfSharp"));
    }
}
