namespace DocService.Signing.Tests.Support;

/// <summary>The openssl command line, the independent oracle for what we build.</summary>
public static class OpenSsl
{
    public static Task<ToolResult> RunAsync(params string[] arguments) => ExternalTool.RunAsync("openssl", arguments);

    public static Task<ToolResult> CmsVerifyAsync(string signaturePath, string contentPath) =>
        RunAsync("cms", "-verify", "-binary", "-inform", "DER", "-in", signaturePath, "-content", contentPath,
            "-CAfile", DevPki.RootCertificatePath, "-purpose", "any", "-out", "/dev/null");

    public static Task<ToolResult> CmsPrintAsync(string signaturePath) =>
        RunAsync("cms", "-cmsout", "-print", "-inform", "DER", "-in", signaturePath);
}
