namespace DocService.Signing.Ltv;

/// <summary>A scratch file for one step of a multi-revision extension: documents may be far larger than memory should hold.</summary>
internal static class TemporaryFile
{
    public static FileStream Create() => new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
}
