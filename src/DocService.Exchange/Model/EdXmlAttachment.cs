namespace DocService.Exchange.Model;

/// <summary>
/// One attachment. On the wire it is the base64 of a ZIP holding one entry <see cref="EntryName"/>
/// (<c>{uuid}.{ext}</c>); <see cref="Content"/> is that entry's bytes (the PDF), not the ZIP.
/// <see cref="ContentType"/> is the wire content type, <c>application/zip</c>.
/// </summary>
public sealed record EdXmlAttachment(
    string ContentId,
    string AttachmentName,
    string? Description,
    string EntryName,
    AttachmentContent Content,
    string ContentType = EdXmlAttachment.ZipContentType)
{
    public const string ZipContentType = "application/zip";

    /// <summary>An attachment for <paramref name="fileName"/> with a fresh content id and entry name.</summary>
    public static EdXmlAttachment Create(string fileName, AttachmentContent content, string? description = null)
    {
        var uuid = Guid.NewGuid();
        return new EdXmlAttachment($"cid:{uuid:N}", fileName, description ?? fileName, uuid + Path.GetExtension(fileName), content);
    }
}
