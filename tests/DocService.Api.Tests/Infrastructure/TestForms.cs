using System.Net.Http.Headers;
using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Infrastructure;

/// <summary>The multipart bodies the admin and auditor endpoints take, built one way for every test.</summary>
public static class TestForms
{
    public static MultipartFormDataContent File(byte[] bytes, string name, string contentType)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { part, "file", name } };
    }

    public static MultipartFormDataContent Png(byte[] png) => File(png, "image.png", "image/png");

    /// <summary>A certs-dev PKCS#12 for an official (User) or the organ's seal key (Organ).</summary>
    public static MultipartFormDataContent Pkcs12(string pkcs12, string ownerKind, string ownerId, string password = DevPki.Password)
    {
        var form = File(System.IO.File.ReadAllBytes(Path.Combine(DevPki.Directory, pkcs12)), pkcs12, "application/x-pkcs12");
        form.Add(new StringContent(password), "password");
        form.Add(new StringContent(ownerKind), "ownerKind");
        form.Add(new StringContent(ownerId), "ownerId");
        return form;
    }
}
