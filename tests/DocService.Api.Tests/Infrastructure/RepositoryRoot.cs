namespace DocService.Api.Tests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The folder holding DocService.sln, found upwards from the test binaries.</summary>
    public static string Path { get; } = Find();

    static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "DocService.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("DocService.sln not found above " + AppContext.BaseDirectory);
    }
}
