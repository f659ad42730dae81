namespace DocService.Exchange.Tests.Support;

/// <summary>
/// The real packages in ../shared/edxml-samples (never copied into the repository). Absent ⇒ the
/// tests skip; DOCSERVICE_REQUIRE_CORPUS=1 (CI) turns absence into a failure.
/// </summary>
internal static class EdXmlSamples
{
    public static string? Directory { get; } = Locate();

    public static string PathOf(string name)
    {
        if (Directory is null)
        {
            if (Environment.GetEnvironmentVariable("DOCSERVICE_REQUIRE_CORPUS") == "1")
                throw new InvalidOperationException("DOCSERVICE_REQUIRE_CORPUS=1 but ../shared/edxml-samples was not found.");
            Assert.Skip("edXML samples not found at ../shared/edxml-samples");
        }
        return Path.Combine(Directory!, name);
    }

    public static FileStream Open(string name) => File.OpenRead(PathOf(name));

    static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocService.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "edxml-samples"));
                return File.Exists(Path.Combine(candidate, "edoc_new.edxml")) ? candidate : null;
            }
        }
        return null;
    }
}
