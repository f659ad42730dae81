using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using DocService.Exchange.Model;

namespace DocService.Exchange.Reading;

/// <summary>
/// Reads document and status packages. Safe on hostile input: no DTD (so no external entities and
/// no entity expansion), no resolver, a bound on characters, on nesting and on each attachment. The header is
/// loaded as a small tree; attachments stream from base64 into a bounded spool and are unzipped
/// from there, so a large PDF is never held as text, ZIP and bytes at once.
/// </summary>
public static class EdXmlReader
{
    /// <summary>Reads a document or a status package, whichever <paramref name="input"/> holds.</summary>
    public static EdXmlMessage ReadMessage(Stream input, EdXmlReaderOptions? options = null)
    {
        options ??= EdXmlReaderOptions.Default;
        if (input.CanSeek && input.Length - input.Position > options.MaxCharactersInDocument * 4)
            throw new EdXmlFormatException(EdXmlErrorCodes.TooLarge, $"The package exceeds the limit of {options.MaxCharactersInDocument} characters.");

        var attachments = new List<EdXmlAttachment>();
        try
        {
            using var reader = Create(input, options);
            var header = ReadRoot(reader, attachments, options);
            return HeaderParser.Parse(header, attachments);
        }
        catch (XmlException e)
        {
            DisposeAll(attachments);
            throw Translate(e);
        }
        catch
        {
            DisposeAll(attachments);
            throw;
        }
    }

    /// <summary>Reads a document package; a status package here is an error.</summary>
    public static EdXmlPackage Read(Stream input, EdXmlReaderOptions? options = null) =>
        ReadMessage(input, options) switch
        {
            EdXmlPackage package => package,
            _ => throw new EdXmlFormatException(EdXmlErrorCodes.UnexpectedKind, "Expected a document package, found a status package."),
        };

    /// <summary>Reads a status package; a document package here is an error.</summary>
    public static StatusPackage ReadStatus(Stream input, EdXmlReaderOptions? options = null)
    {
        var message = ReadMessage(input, options);
        if (message is StatusPackage status)
            return status;
        ((EdXmlPackage)message).Dispose();
        throw new EdXmlFormatException(EdXmlErrorCodes.UnexpectedKind, "Expected a status package, found a document package.");
    }

    /// <summary>The reader every package is read through: the settings below, and the nesting bound.</summary>
    internal static XmlReader Create(Stream input, EdXmlReaderOptions options) =>
        new DepthLimitedReader(XmlReader.Create(input, Settings(options)), options.MaxDepth);

    static XmlReaderSettings Settings(EdXmlReaderOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = options.MaxCharactersInDocument,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    static XElement ReadRoot(XmlReader reader, List<EdXmlAttachment> attachments, EdXmlReaderOptions options)
    {
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "edXML"
            || reader.NamespaceURI is not (EdXmlNames.Namespace or ""))
        {
            throw new EdXmlFormatException(EdXmlErrorCodes.NotEdXml,
                $"The root element is {{{reader.NamespaceURI}}}{reader.LocalName}, not edXML.", Line(reader), Position(reader));
        }

        XElement? header = null;
        ForEachChild(reader, () =>
        {
            switch (reader.LocalName)
            {
                case "edXMLEnvelope":
                    ForEachChild(reader, () =>
                    {
                        if (reader.LocalName == "edXMLHeader")
                            header = LoadElement(reader);
                        else
                            reader.Skip(); // edXMLBody: the manifest repeats what each Attachment says
                    });
                    break;
                case "AttachmentEncoded":
                    ForEachChild(reader, () =>
                    {
                        if (reader.LocalName != "Attachment")
                        {
                            reader.Skip();
                            return;
                        }
                        if (attachments.Count >= options.MaxAttachments)
                            throw new EdXmlFormatException(EdXmlErrorCodes.TooManyAttachments,
                                $"More than {options.MaxAttachments} attachments.", Line(reader), Position(reader));
                        if (ReadAttachment(reader, options) is { } attachment)
                            attachments.Add(attachment);
                    });
                    break;
                default:
                    reader.Skip();
                    break;
            }
        });
        return header ?? throw new EdXmlFormatException(EdXmlErrorCodes.MissingElement, "The package has no edXMLEnvelope/edXMLHeader.");
    }

    static EdXmlAttachment? ReadAttachment(XmlReader reader, EdXmlReaderOptions options)
    {
        int line = Line(reader), position = Position(reader);
        string? contentId = null, name = null, description = null, contentType = null;
        Spool? zip = null;
        try
        {
            ForEachChild(reader, () =>
            {
                switch (reader.LocalName)
                {
                    case "ContentId": contentId = reader.ReadElementContentAsString().Trim(); break;
                    case "AttachmentName": name = reader.ReadElementContentAsString().Trim(); break;
                    case "Description": description = reader.ReadElementContentAsString().Trim(); break;
                    case "ContentType": contentType = reader.ReadElementContentAsString().Trim(); break;
                    case "ContentTransferEncoded" when options.ReadAttachments:
                        zip?.Dispose();
                        zip = new Spool(options, EdXmlErrorCodes.AttachmentTooLarge);
                        var buffer = new byte[48 * 1024];
                        int read;
                        while ((read = reader.ReadElementContentAsBase64(buffer, 0, buffer.Length)) > 0)
                            zip.Write(buffer.AsSpan(0, read));
                        break;
                    default: reader.Skip(); break;
                }
            });
            if (!options.ReadAttachments)
                return null;
            if (zip is null || zip.Length == 0)
                throw new EdXmlFormatException(EdXmlErrorCodes.AttachmentWithoutContent, $"Attachment {contentId ?? name} has no content.", line, position);
            var (entryName, content) = Unzip(zip, options, line, position);
            return new EdXmlAttachment(
                contentId ?? "", name ?? entryName, string.IsNullOrEmpty(description) ? null : description, entryName, content,
                string.IsNullOrEmpty(contentType) ? EdXmlAttachment.ZipContentType : contentType);
        }
        finally
        {
            zip?.Dispose();
        }
    }

    static (string EntryName, AttachmentContent Content) Unzip(Spool zip, EdXmlReaderOptions options, int line, int position)
    {
        using var zipStream = zip.OpenRead();
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zipStream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            throw new EdXmlFormatException(EdXmlErrorCodes.AttachmentNotZip, "An attachment is not the base64 of a ZIP: " + e.Message, line, position, e);
        }
        using (archive)
        {
            var files = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            if (files.Count != 1)
                throw new EdXmlFormatException(EdXmlErrorCodes.AttachmentNotZip, $"An attachment ZIP holds {files.Count} files; QCVN 102 expects one.", line, position);
            var entry = files[0];
            if (entry.Length > options.MaxAttachmentBytes)
                throw new EdXmlFormatException(EdXmlErrorCodes.AttachmentTooLarge, $"Attachment {entry.FullName} unzips to {entry.Length} bytes.", line, position);
            using var content = new Spool(options, EdXmlErrorCodes.AttachmentTooLarge);
            try
            {
                using var source = entry.Open();
                var buffer = new byte[81920];
                int read;
                while ((read = source.Read(buffer)) > 0)
                    content.Write(buffer.AsSpan(0, read));
            }
            catch (InvalidDataException e)
            {
                throw new EdXmlFormatException(EdXmlErrorCodes.AttachmentNotZip, "An attachment ZIP is corrupt: " + e.Message, line, position, e);
            }
            return (Path.GetFileName(entry.FullName), content.Detach());
        }
    }

    /// <summary>Runs <paramref name="onElement"/> for each child element of the current element and leaves the reader after it.</summary>
    static void ForEachChild(XmlReader reader, Action onElement)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
                onElement(); // each handler consumes its element
            else
                reader.Read();
        }
        reader.Read();
    }

    static XElement LoadElement(XmlReader reader)
    {
        XElement element;
        using (var subtree = reader.ReadSubtree())
            element = XElement.Load(subtree, LoadOptions.SetLineInfo);
        reader.Read();
        return element;
    }

    static EdXmlFormatException Translate(XmlException e)
    {
        // XmlException carries no code; its messages are fixed English resources in .NET.
        var code = e.Message.Contains("DTD", StringComparison.Ordinal) ? EdXmlErrorCodes.DtdProhibited
            : e.Message.Contains("MaxCharacters", StringComparison.Ordinal) ? EdXmlErrorCodes.TooLarge
            : EdXmlErrorCodes.Malformed;
        var message = code switch
        {
            EdXmlErrorCodes.DtdProhibited => "The package declares a DTD; DTDs and entities are refused.",
            EdXmlErrorCodes.TooLarge => "The package exceeds the character limit.",
            _ => "The package is not well-formed XML: " + e.Message,
        };
        return new EdXmlFormatException(code, message, e.LineNumber, e.LinePosition, e);
    }

    static void DisposeAll(List<EdXmlAttachment> attachments)
    {
        foreach (var attachment in attachments)
            attachment.Content.Dispose();
    }

    static int Line(XmlReader reader) => reader is IXmlLineInfo info ? info.LineNumber : 0;

    static int Position(XmlReader reader) => reader is IXmlLineInfo info ? info.LinePosition : 0;
}
