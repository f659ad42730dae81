using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocService.Exchange.Model;

namespace DocService.Exchange.Writing;

/// <summary>
/// Writes document and status packages in the QCVN 102:2016 layout: the root in the default
/// namespace, its children <c>edXML:</c>-prefixed, dates <c>yyyy/MM/dd</c>. Attachments are zipped
/// and base64-encoded on the fly (see <see cref="Base64XmlStream"/>).
/// </summary>
public static class EdXmlWriter
{
    const string Ns = EdXmlNames.Namespace;

    static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        CloseOutput = false,
    };

    /// <summary>Writes <paramref name="message"/> to <paramref name="output"/>, which stays open.</summary>
    public static void Write(EdXmlMessage message, Stream output)
    {
        using var writer = XmlWriter.Create(output, Settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("edXML", Ns);
        writer.WriteStartElement(EdXmlNames.Prefix, "edXMLEnvelope", Ns);
        writer.WriteStartElement(EdXmlNames.Prefix, "edXMLHeader", Ns);
        switch (message)
        {
            case EdXmlPackage package:
                WriteMessageHeader(writer, package.Header);
                WriteTrace(writer, package.Trace);
                writer.WriteEndElement(); // edXMLHeader
                WriteManifest(writer, package.Attachments);
                writer.WriteEndElement(); // edXMLEnvelope
                WriteAttachments(writer, package.Attachments);
                break;
            case StatusPackage status:
                WriteStatusHeader(writer, status);
                writer.WriteEndElement(); // edXMLHeader
                writer.WriteEndElement(); // edXMLEnvelope
                break;
            default:
                throw new ArgumentException($"Unknown message kind {message.GetType().Name}.", nameof(message));
        }
        writer.WriteEndElement(); // edXML
        writer.WriteEndDocument();
    }

    /// <summary>The package as bytes; for tests and small status packages.</summary>
    public static byte[] ToBytes(EdXmlMessage message)
    {
        using var buffer = new MemoryStream();
        Write(message, buffer);
        return buffer.ToArray();
    }

    static void WriteMessageHeader(XmlWriter w, MessageHeader h)
    {
        w.WriteStartElement(EdXmlNames.Prefix, "MessageHeader", Ns);
        WriteOrganization(w, "From", h.From);
        foreach (var to in h.To)
            WriteOrganization(w, "To", to);
        foreach (var response in h.ResponseFor ?? ValueList<ResponseFor>.Empty)
            WriteResponseFor(w, response);
        Element(w, "DocumentId", h.DocumentId);
        w.WriteStartElement(EdXmlNames.Prefix, "Code", Ns);
        Element(w, "CodeNumber", h.Code.CodeNumber);
        Element(w, "CodeNotation", h.Code.CodeNotation);
        w.WriteEndElement();
        w.WriteStartElement(EdXmlNames.Prefix, "PromulgationInfo", Ns);
        Element(w, "Place", h.PromulgationInfo.Place);
        Element(w, "PromulgationDate", h.PromulgationInfo.PromulgationDate is { } pd ? EdXmlDate.Format(pd) : null);
        w.WriteEndElement();
        w.WriteStartElement(EdXmlNames.Prefix, "DocumentType", Ns);
        Element(w, "Type", Int(h.DocumentType.Type));
        Element(w, "TypeDetail", Int(h.DocumentType.TypeDetail));
        Element(w, "TypeName", h.DocumentType.TypeName);
        w.WriteEndElement();
        Element(w, "Subject", h.Subject);
        Element(w, "Content", h.Content);
        if (h.SignerInfo is { } signer)
        {
            w.WriteStartElement(EdXmlNames.Prefix, "SignerInfo", Ns);
            Element(w, "Competence", signer.Competence);
            Element(w, "Position", signer.Position);
            Element(w, "FullName", signer.FullName);
            w.WriteEndElement();
        }
        Element(w, "DueDate", h.DueDate is { } due ? EdXmlDate.Format(due) : null);
        if (h.OtherInfo is { } other)
        {
            w.WriteStartElement(EdXmlNames.Prefix, "OtherInfo", Ns);
            Element(w, "Priority", Int(other.Priority));
            Element(w, "SphereOfPromulgation", other.SphereOfPromulgation);
            Element(w, "TyperNotation", other.TyperNotation);
            Element(w, "PromulgationAmount", other.PromulgationAmount is { } pa ? Int(pa) : null);
            Element(w, "PageAmount", other.PageAmount is { } pages ? Int(pages) : null);
            Element(w, "Direction", other.Direction ? "true" : "false");
            w.WriteStartElement(EdXmlNames.Prefix, "Appendixes", Ns);
            foreach (var appendix in other.Appendixes ?? ValueList<string>.Empty)
                Element(w, "Appendix", appendix);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        if (h.SteeringType is { } steering)
            Element(w, "SteeringType", Int(steering));
        w.WriteStartElement(EdXmlNames.Prefix, "ToPlaces", Ns);
        foreach (var place in h.ToPlaces ?? ValueList<string>.Empty)
            Element(w, "Place", place);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    static void WriteTrace(XmlWriter w, TraceHeaderList trace)
    {
        w.WriteStartElement(EdXmlNames.Prefix, "TraceHeaderList", Ns);
        foreach (var hop in trace.TraceHeaders)
        {
            w.WriteStartElement(EdXmlNames.Prefix, "TraceHeader", Ns);
            Element(w, "OrganId", hop.OrganId);
            Element(w, "Timestamp", EdXmlDate.Format(hop.Timestamp));
            w.WriteEndElement();
        }
        if (trace.Business is { } b)
        {
            w.WriteStartElement(EdXmlNames.Prefix, "Bussiness", Ns); // sic: the standard's spelling
            Element(w, "DocumentId", b.DocumentId);
            Element(w, "BussinessDocType", Int((int)b.BusinessDocType));
            Element(w, "BussinessDocReason", b.BusinessDocReason);
            Element(w, "Paper", Int(b.Paper));
            if (b.DocumentInfo is { } info)
            {
                w.WriteStartElement(EdXmlNames.Prefix, "BussinessDocumentInfo", Ns);
                Element(w, "DocumentInfo", info.DocumentInfo ? "1" : "0");
                Element(w, "DocumentReceiver", info.DocumentReceiver ? "1" : "0");
                w.WriteStartElement(EdXmlNames.Prefix, "ReceiverList", Ns);
                foreach (var receiver in info.ReceiverList)
                {
                    w.WriteStartElement(EdXmlNames.Prefix, "Receiver", Ns);
                    Element(w, "OrganId", receiver.OrganId);
                    Element(w, "ReceiverType", Int((int)receiver.ReceiverType));
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                w.WriteEndElement();
            }
            if (b.ReplacementInfoList is { Count: > 0 } replacements)
            {
                w.WriteStartElement(EdXmlNames.Prefix, "ReplacementInfoList", Ns);
                foreach (var replacement in replacements)
                {
                    w.WriteStartElement(EdXmlNames.Prefix, "ReplacementInfo", Ns);
                    Element(w, "DocumentId", replacement.DocumentId);
                    w.WriteStartElement(EdXmlNames.Prefix, "OrganIdList", Ns);
                    foreach (var organ in replacement.OrganIdList)
                        Element(w, "OrganId", organ);
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            if (b.StaffInfo is { } staff)
                WriteStaff(w, staff);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    static void WriteStatusHeader(XmlWriter w, StatusPackage s)
    {
        w.WriteStartElement(EdXmlNames.Prefix, "MessageHeader", Ns);
        WriteOrganization(w, "From", s.From);
        WriteResponseFor(w, s.ResponseFor);
        if (s.StaffInfo is { } staff)
            WriteStaff(w, staff);
        Element(w, "StatusCode", StatusPackage.Format(s.Code));
        Element(w, "Description", s.Description);
        Element(w, "Timestamp", EdXmlDate.Format(s.Timestamp));
        w.WriteEndElement();
    }

    static void WriteManifest(XmlWriter w, ValueList<EdXmlAttachment> attachments)
    {
        w.WriteStartElement(EdXmlNames.Prefix, "edXMLBody", Ns);
        w.WriteStartElement(EdXmlNames.Prefix, "edXMLManifest", Ns);
        w.WriteAttributeString("version", "1.0");
        foreach (var a in attachments)
        {
            w.WriteStartElement(EdXmlNames.Prefix, "Reference", Ns);
            Element(w, "ContentId", a.ContentId);
            Element(w, "ContentType", a.ContentType);
            Element(w, "Description", a.Description);
            Element(w, "AttachmentName", a.AttachmentName);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    static void WriteAttachments(XmlWriter w, ValueList<EdXmlAttachment> attachments)
    {
        w.WriteStartElement("AttachmentEncoded", Ns);
        foreach (var a in attachments)
        {
            w.WriteStartElement("Attachment", Ns);
            w.WriteElementString("ContentId", Ns, a.ContentId);
            w.WriteElementString("AttachmentName", Ns, a.AttachmentName);
            w.WriteElementString("Description", Ns, a.Description ?? "");
            w.WriteElementString("ContentType", Ns, a.ContentType);
            w.WriteStartElement(EdXmlNames.Prefix, "ContentTransferEncoded", Ns);
            using (var base64 = new Base64XmlStream(w))
            using (var zip = new ZipArchive(base64, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
            {
                var entry = zip.CreateEntry(a.EntryName, CompressionLevel.Optimal);
                using var entryStream = entry.Open();
                using var source = a.Content.OpenRead();
                source.CopyTo(entryStream);
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    static void WriteOrganization(XmlWriter w, string name, Organization o)
    {
        w.WriteStartElement(EdXmlNames.Prefix, name, Ns);
        Element(w, "OrganId", o.OrganId);
        Element(w, "OrganizationInCharge", o.OrganizationInCharge);
        Element(w, "OrganName", o.OrganName);
        Element(w, "OrganAdd", o.OrganAdd);
        Element(w, "Email", o.Email);
        Element(w, "Telephone", o.Telephone);
        Element(w, "Fax", o.Fax);
        Element(w, "Website", o.Website);
        w.WriteEndElement();
    }

    static void WriteResponseFor(XmlWriter w, ResponseFor r)
    {
        w.WriteStartElement(EdXmlNames.Prefix, "ResponseFor", Ns);
        Element(w, "OrganId", r.OrganId);
        Element(w, "Code", r.Code);
        Element(w, "PromulgationDate", r.PromulgationDate is { } d ? EdXmlDate.Format(d) : null);
        Element(w, "DocumentId", r.DocumentId);
        w.WriteEndElement();
    }

    static void WriteStaff(XmlWriter w, StaffInfo s)
    {
        w.WriteStartElement(EdXmlNames.Prefix, "StaffInfo", Ns);
        Element(w, "Department", s.Department);
        Element(w, "Staff", s.Staff);
        Element(w, "Mobile", s.Mobile);
        Element(w, "Email", s.Email);
        w.WriteEndElement();
    }

    // Empty elements are written rather than omitted: deployed readers expect the full skeleton.
    static void Element(XmlWriter w, string name, string? value) =>
        w.WriteElementString(EdXmlNames.Prefix, name, Ns, value ?? "");

    static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
