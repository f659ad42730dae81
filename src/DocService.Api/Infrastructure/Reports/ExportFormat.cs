using DocService.Api.Infrastructure.Errors;
using Microsoft.Net.Http.Headers;

namespace DocService.Api.Infrastructure.Reports;

/// <summary>How a report leaves the service: JSON for programs, or a file for people (spreadsheet, CSV, PDF).</summary>
public enum ExportFormat
{
    Json,
    Xlsx,
    Csv,
    Pdf,
}

public static class ExportFormats
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvMediaType = "text/csv";
    public const string PdfMediaType = "application/pdf";

    /// <summary>The file types a report also comes in, for the OpenAPI document beside its JSON.</summary>
    public static readonly string[] FileMediaTypes = [XlsxMediaType, CsvMediaType, PdfMediaType];

    public static string MediaType(this ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => XlsxMediaType,
        ExportFormat.Csv => CsvMediaType,
        ExportFormat.Pdf => PdfMediaType,
        _ => "application/json",
    };

    public static string Extension(this ExportFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>
    /// <c>?format=</c> when given (a link a person clicks cannot set headers), else the first file type the Accept
    /// header names, else JSON. An unknown <c>format</c> is a 400 naming it.
    /// </summary>
    public static ExportFormat Choose(string? format, HttpRequest request)
    {
        if (!string.IsNullOrWhiteSpace(format))
        {
            return Enum.TryParse<ExportFormat>(format.Trim(), ignoreCase: true, out var chosen) && Enum.IsDefined(chosen) && !int.TryParse(format, out _)
                ? chosen
                : throw new RequestValidationException(new Dictionary<string, string[]>
                {
                    ["format"] = [$"'{format}' is not a format this report comes in: give json, xlsx, csv or pdf."],
                });
        }
        var accepted = MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var list) ? list : [];
        foreach (var media in accepted.OrderByDescending(m => m.Quality ?? 1))
        {
            var type = media.MediaType.Value;
            if (string.Equals(type, XlsxMediaType, StringComparison.OrdinalIgnoreCase)) return ExportFormat.Xlsx;
            if (string.Equals(type, CsvMediaType, StringComparison.OrdinalIgnoreCase)) return ExportFormat.Csv;
            if (string.Equals(type, PdfMediaType, StringComparison.OrdinalIgnoreCase)) return ExportFormat.Pdf;
            if (string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase)) return ExportFormat.Json;
        }
        return ExportFormat.Json;
    }
}
