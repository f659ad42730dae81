using System.Text;
using DocService.Api.Infrastructure.Errors;

namespace DocService.Api.Features.Documents;

/// <summary>Checks an uploaded file before anything is stored: within the size limit, and a PDF by its bytes.</summary>
public static class PdfUpload
{
    // ISO 32000 lets readers find the header anywhere in the first 1024 bytes, and real files use that.
    const int HeaderWindow = 1024;
    static readonly byte[] Header = Encoding.ASCII.GetBytes("%PDF-");

    public static async Task CheckAsync(IFormFile file, long maxBytes, CancellationToken ct)
    {
        if (file.Length == 0)
            throw new ApiException(400, "document.empty_file", "The uploaded file is empty.");
        if (file.Length > maxBytes)
            throw new ApiException(413, "document.too_large", $"The file has {file.Length} bytes; at most {maxBytes} are accepted.");

        var window = new byte[HeaderWindow];
        await using var content = file.OpenReadStream();
        var read = await content.ReadAtLeastAsync(window, HeaderWindow, throwOnEndOfStream: false, ct);
        if (window.AsSpan(0, read).IndexOf(Header) < 0)
            throw new ApiException(415, "document.not_pdf", "The uploaded file is not a PDF (no %PDF- header).");
    }
}
