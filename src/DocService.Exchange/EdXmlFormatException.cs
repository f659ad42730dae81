namespace DocService.Exchange;

/// <summary>
/// A package that is not well-formed edXML, is too large, or lacks what the standard requires.
/// <see cref="Code"/> is stable (the API maps it to a ProblemDetails code); line and position say where.
/// </summary>
public sealed class EdXmlFormatException(string code, string message, int lineNumber = 0, int linePosition = 0, Exception? inner = null)
    : Exception(lineNumber > 0 ? $"{message} (line {lineNumber}, position {linePosition})" : message, inner)
{
    public string Code { get; } = code;
    public int LineNumber { get; } = lineNumber;
    public int LinePosition { get; } = linePosition;
}

/// <summary>The stable codes of <see cref="EdXmlFormatException"/>.</summary>
public static class EdXmlErrorCodes
{
    public const string Malformed = "edxml.malformed";
    public const string DtdProhibited = "edxml.dtd_prohibited";
    public const string TooLarge = "edxml.too_large";
    public const string TooDeep = "edxml.too_deep";
    public const string AttachmentTooLarge = "edxml.attachment_too_large";
    public const string TooManyAttachments = "edxml.too_many_attachments";
    public const string AttachmentNotZip = "edxml.attachment_not_zip";
    public const string AttachmentWithoutContent = "edxml.attachment_without_content";
    public const string NotEdXml = "edxml.not_edxml";
    public const string MissingElement = "edxml.missing_element";
    public const string InvalidValue = "edxml.invalid_value";
    public const string InvalidDate = "edxml.invalid_date";
    public const string StatusReasonMissing = "edxml.status_reason_missing";
    public const string UnexpectedKind = "edxml.unexpected_kind";
}
