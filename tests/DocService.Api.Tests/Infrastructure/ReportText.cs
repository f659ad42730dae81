using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Infrastructure;

/// <summary>The text of a PDF as poppler's pdftotext reads it: an independent check that what we render extracts as written.</summary>
public static class ReportText
{
    public static async Task<string> OfAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"docservice-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var result = await ExternalTool.RunAsync("pdftotext", "-enc", "UTF-8", "-layout", path, "-");
            return result.Output;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
