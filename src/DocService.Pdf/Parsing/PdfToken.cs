namespace DocService.Pdf.Parsing;

internal enum PdfTokenKind
{
    EndOfInput,
    Integer,
    Real,
    Name,
    LiteralString,
    HexString,
    ArrayStart,
    ArrayEnd,
    DictionaryStart,
    DictionaryEnd,
    /// <summary>Any other regular-character run: true, null, obj, R, stream, xref, trailer…</summary>
    Keyword,
}

/// <summary>One lexical token and the byte offset it starts at (for error messages).</summary>
internal readonly record struct PdfToken(PdfTokenKind Kind, long Offset, long Integer = 0, double Real = 0, string? Text = null, byte[]? Bytes = null)
{
    public bool IsKeyword(string keyword) => Kind == PdfTokenKind.Keyword && Text == keyword;
}
