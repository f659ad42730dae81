using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace DocService.Web.Api;

/// <summary>A file a page's form received, passed on to the API as the multipart part it expects, streamed.</summary>
public static class Uploads
{
    public static MultipartFormDataContent Form(IFormFile file, params (string Name, string? Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var content = new StreamContent(file.OpenReadStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "file", file.FileName);
        foreach (var (name, value) in fields)
            if (!string.IsNullOrWhiteSpace(value))
                form.Add(new StringContent(value.Trim()), name);
        return form;
    }

    /// <summary>The PDF the page's form carried, if the user chose one.</summary>
    public static IFormFile? Pdf(HttpContext http) =>
        http.Request.HasFormContentType && http.Request.Form.Files.GetFile("file") is { Length: > 0 } file ? file : null;
}
