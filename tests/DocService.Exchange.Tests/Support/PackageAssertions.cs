using DocService.Exchange.Model;

namespace DocService.Exchange.Tests.Support;

internal static class PackageAssertions
{
    /// <summary>Header, trace and every attachment (metadata and bytes) are the same.</summary>
    public static async Task ShouldEqualPackage(this EdXmlPackage actual, EdXmlPackage expected)
    {
        actual.Header.ShouldBe(expected.Header);
        actual.Trace.ShouldBe(expected.Trace);
        actual.Attachments.Count.ShouldBe(expected.Attachments.Count);
        for (var i = 0; i < expected.Attachments.Count; i++)
        {
            var (a, e) = (actual.Attachments[i], expected.Attachments[i]);
            (a.ContentId, a.AttachmentName, a.Description, a.EntryName, a.ContentType)
                .ShouldBe((e.ContentId, e.AttachmentName, e.Description, e.EntryName, e.ContentType));
            (await a.Content.ReadAllBytesAsync()).ShouldBe(await e.Content.ReadAllBytesAsync());
        }
    }
}
