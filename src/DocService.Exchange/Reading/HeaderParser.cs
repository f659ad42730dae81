using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DocService.Exchange.Model;

namespace DocService.Exchange.Reading;

/// <summary>
/// Turns the (small) <c>edXMLHeader</c> element into the model. Elements are matched by local name:
/// deployed axes mix the default namespace and the <c>edXML:</c> prefix, and some drop both.
/// Unknown elements are ignored; missing required ones are reported with their place.
/// </summary>
internal static class HeaderParser
{
    public static EdXmlMessage Parse(XElement header, ValueList<EdXmlAttachment> attachments)
    {
        var message = Required(header, "MessageHeader");
        if (Child(message, "StatusCode") is not null)
            return ParseStatus(message);
        var trace = Child(header, "TraceHeaderList");
        return new EdXmlPackage(
            ParseMessageHeader(message),
            trace is null ? new TraceHeaderList(ValueList<TraceHeader>.Empty, null) : ParseTrace(trace),
            attachments);
    }

    static MessageHeader ParseMessageHeader(XElement m)
    {
        var code = Child(m, "Code");
        var promulgation = Child(m, "PromulgationInfo");
        var type = Child(m, "DocumentType");
        var signer = Child(m, "SignerInfo");
        var other = Child(m, "OtherInfo");
        return new MessageHeader(
            ParseOrganization(Required(m, "From")),
            new ValueList<Organization>(Children(m, "To").Select(ParseOrganization)),
            RequiredText(m, "DocumentId"),
            code is null ? new DocumentCode("", "") : new DocumentCode(Text(code, "CodeNumber") ?? "", Text(code, "CodeNotation") ?? ""),
            new PromulgationInfo(Text(promulgation, "Place"), Date(promulgation, "PromulgationDate")),
            type is null ? new DocumentType(0, 0, null) : new DocumentType(Int(type, "Type") ?? 0, Int(type, "TypeDetail") ?? 0, Text(type, "TypeName")),
            Text(m, "Subject") ?? "",
            Text(m, "Content"),
            signer is null ? null : new SignerInfo(Text(signer, "Competence"), Text(signer, "Position"), Text(signer, "FullName")),
            Date(m, "DueDate"),
            other is null ? null : new OtherInfo(
                Int(other, "Priority") ?? 0,
                Text(other, "SphereOfPromulgation"),
                Text(other, "TyperNotation"),
                Int(other, "PromulgationAmount"),
                Int(other, "PageAmount"),
                Bool(other, "Direction") ?? false,
                ListOrNull(Child(other, "Appendixes") is { } apps ? Children(apps, "Appendix").Select(a => Trimmed(a.Value)).OfType<string>() : [])),
            Int(m, "SteeringType"),
            ListOrNull(Child(m, "ToPlaces") is { } places ? Children(places, "Place").Select(p => Trimmed(p.Value)).OfType<string>() : []),
            ListOrNull(Children(m, "ResponseFor").Select(ParseResponseFor)));
    }

    static TraceHeaderList ParseTrace(XElement t)
    {
        var hops = Children(t, "TraceHeader")
            .Select(h => new TraceHeader(RequiredText(h, "OrganId"), Time(h, "Timestamp") ?? DateTimeOffset.MinValue))
            .ToList();
        var b = Child(t, "Bussiness") ?? Child(t, "Business");
        if (b is null)
            return new TraceHeaderList(hops, null);

        var docTypeValue = Int(b, "BussinessDocType") ?? 0;
        if (!Enum.IsDefined((BusinessDocType)docTypeValue))
            throw Invalid(b, $"BussinessDocType {docTypeValue} is not 0–3.");
        var info = Child(b, "BussinessDocumentInfo");
        var replacements = Child(b, "ReplacementInfoList");
        var staff = Child(b, "StaffInfo");
        return new TraceHeaderList(hops, new Business(
            Text(b, "DocumentId") ?? "",
            (BusinessDocType)docTypeValue,
            Text(b, "BussinessDocReason"),
            Int(b, "Paper") ?? 0,
            info is null ? null : new BusinessDocumentInfo(
                Bool(info, "DocumentInfo") ?? false,
                Bool(info, "DocumentReceiver") ?? false,
                new ValueList<Receiver>((Child(info, "ReceiverList") is { } list ? Children(list, "Receiver") : [])
                    .Select(r => new Receiver(RequiredText(r, "OrganId"), ParseReceiverType(r))))),
            replacements is null ? null : ListOrNull(Children(replacements, "ReplacementInfo").Select(r => new ReplacementInfo(
                RequiredText(r, "DocumentId"),
                new ValueList<string>((Child(r, "OrganIdList") is { } organs ? Children(organs, "OrganId") : [])
                    .Select(o => Trimmed(o.Value)).OfType<string>())))),
            staff is null ? null : ParseStaff(staff)));
    }

    static ReceiverType ParseReceiverType(XElement r)
    {
        var value = Int(r, "ReceiverType") ?? 1;
        return value is 0 or 1 ? (ReceiverType)value : throw Invalid(r, $"ReceiverType {value} is not 0 or 1.");
    }

    static StatusPackage ParseStatus(XElement m)
    {
        var codeElement = Required(m, "StatusCode");
        var codeValue = Int(m, "StatusCode") ?? 0;
        if (!Enum.IsDefined((StatusCode)codeValue))
            throw Invalid(codeElement, $"StatusCode {codeElement.Value.Trim()} is not a QCVN 102 status.");
        var code = (StatusCode)codeValue;
        var description = Text(m, "Description");
        if (code == StatusCode.Refused && description is null)
        {
            var (line, position) = LineOf(codeElement);
            throw new EdXmlFormatException(EdXmlErrorCodes.StatusReasonMissing, "A refusal (status 02) carries no reason in Description.", line, position);
        }
        var staff = Child(m, "StaffInfo");
        return new StatusPackage(
            ParseOrganization(Required(m, "From")),
            ParseResponseFor(Required(m, "ResponseFor")),
            code,
            description,
            Time(m, "Timestamp") ?? throw Missing(m, "Timestamp"),
            staff is null ? null : ParseStaff(staff));
    }

    static Organization ParseOrganization(XElement o) => new(
        RequiredText(o, "OrganId"),
        Text(o, "OrganName"),
        Text(o, "OrganizationInCharge"),
        Text(o, "OrganAdd"),
        Text(o, "Email"),
        Text(o, "Telephone"),
        Text(o, "Fax"),
        Text(o, "Website"));

    static ResponseFor ParseResponseFor(XElement r) =>
        new(RequiredText(r, "OrganId"), Text(r, "Code"), Date(r, "PromulgationDate"), RequiredText(r, "DocumentId"));

    static StaffInfo ParseStaff(XElement s) => new(Text(s, "Department"), Text(s, "Staff"), Text(s, "Mobile"), Text(s, "Email"));

    static ValueList<T>? ListOrNull<T>(IEnumerable<T> items)
    {
        var list = new ValueList<T>(items);
        return list.Count == 0 ? null : list;
    }

    internal static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    static XElement Required(XElement parent, string localName) => Child(parent, localName) ?? throw Missing(parent, localName);

    static string RequiredText(XElement parent, string localName) => Text(parent, localName) ?? throw Missing(parent, localName);

    static string? Text(XElement? parent, string localName) => Trimmed(Child(parent, localName)?.Value);

    static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    static int? Int(XElement parent, string localName)
    {
        var element = Child(parent, localName);
        var text = Trimmed(element?.Value);
        if (text is null)
            return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(element!, $"{localName} '{text}' is not a number.");
    }

    static bool? Bool(XElement parent, string localName)
    {
        var element = Child(parent, localName);
        return Trimmed(element?.Value)?.ToLowerInvariant() switch
        {
            null => null,
            "1" or "true" => true,
            "0" or "false" => false,
            var other => throw Invalid(element!, $"{localName} '{other}' is not a boolean."),
        };
    }

    static DateOnly? Date(XElement? parent, string localName)
    {
        var element = Child(parent, localName);
        if (element is null)
            return null;
        if (EdXmlDate.TryParseDate(element.Value, out var date))
            return date;
        var (line, position) = LineOf(element);
        throw new EdXmlFormatException(EdXmlErrorCodes.InvalidDate, $"{localName} '{element.Value.Trim()}' is not a date.", line, position);
    }

    static DateTimeOffset? Time(XElement parent, string localName)
    {
        var element = Child(parent, localName);
        if (element is null)
            return null;
        if (EdXmlDate.TryParseTime(element.Value, out var time))
            return time;
        var (line, position) = LineOf(element);
        throw new EdXmlFormatException(EdXmlErrorCodes.InvalidDate, $"{localName} '{element.Value.Trim()}' is not a time.", line, position);
    }

    static EdXmlFormatException Missing(XElement parent, string localName)
    {
        var (line, position) = LineOf(parent);
        return new EdXmlFormatException(EdXmlErrorCodes.MissingElement, $"{parent.Name.LocalName} lacks {localName}.", line, position);
    }

    static EdXmlFormatException Invalid(XElement element, string message)
    {
        var (line, position) = LineOf(element);
        return new EdXmlFormatException(EdXmlErrorCodes.InvalidValue, message, line, position);
    }

    static (int Line, int Position) LineOf(XElement element) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);
}
