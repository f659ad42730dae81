using System.Text;
using DocService.Api.Infrastructure.Errors;
using DocService.Pdf;
using DocService.Pdf.Document;

namespace DocService.Api.Features.Documents;

/// <summary>
/// Checks an uploaded file before anything is stored: within the size limit, a PDF by its bytes and, for a document
/// that will be signed, one whose page tree can be read.
/// </summary>
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

    /// <summary>
    /// A file that starts with <c>%PDF-</c> but whose cross-reference, catalog or page tree cannot be read would be
    /// stored as a draft and fail only when a leader signs it; it is refused at upload instead.
    /// </summary>
    public static async Task CheckReadableAsync(IFormFile file, long maxBytes, CancellationToken ct)
    {
        await CheckAsync(file, maxBytes, ct);
        await using var content = file.OpenReadStream();
        try
        {
            var pdf = PdfDocument.Open(content);
            if (pdf.Pages.Count == 0)
                throw new ApiException(422, "document.unreadable_pdf", "The PDF has no pages.");
        }
        catch (PdfException unreadable)
        {
            throw new ApiException(422, "document.unreadable_pdf", $"The file cannot be read as a PDF: {unreadable.Message}");
        }
    }
}
