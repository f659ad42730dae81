using DocService.Pdf.IO;
using DocService.Pdf.Objects;

namespace DocService.Pdf.Parsing;

/// <summary>An object read from <c>N G obj … endobj</c>, with the offset of its header.</summary>
internal sealed record IndirectObject(ObjectId Id, PdfObject Value, long Offset);

/// <summary>
/// Builds objects from tokens (§7.3, §7.5.3). Stream lengths given by reference are resolved
/// through <paramref name="resolveLength"/>; a wrong /Length is repaired by finding <c>endstream</c>.
/// </summary>
internal sealed class PdfParser(PdfLexer lexer, PdfLimits limits, Func<PdfReference, PdfObject>? resolveLength = null)
{
    private static readonly byte[] EndstreamKeyword = "endstream"u8.ToArray();

    public PdfLexer Lexer => lexer;

    public PdfObject ParseObject() => Parse(lexer.Next(), depth: 0);

    /// <summary>Reads <c>N G obj</c> at <paramref name="offset"/>, the object, and its stream data if any.</summary>
    public IndirectObject ParseIndirectObject(long offset)
    {
        lexer.Position = offset;
        var id = ReadObjectHeader(offset);
        var value = ParseObject();
        var afterValue = lexer.Position;
        var next = lexer.Next();
        if (value is PdfDictionary dictionary && next.IsKeyword("stream"))
        {
            value = ReadStreamData(dictionary, offset);
        }
        else if (!next.IsKeyword("endobj"))
        {
            // A missing endobj is common in damaged files and harmless: the object is complete.
            lexer.Position = afterValue;
        }
        return new IndirectObject(id, value, offset);
    }

    public ObjectId ReadObjectHeader(long offset)
    {
        var number = lexer.Next();
        var generation = lexer.Next();
        var keyword = lexer.Next();
        if (number.Kind != PdfTokenKind.Integer || generation.Kind != PdfTokenKind.Integer || !keyword.IsKeyword("obj")
            || number.Integer is < 0 or > int.MaxValue || generation.Integer is < 0 or > 65535)
            throw new PdfSyntaxException("Expected an object header 'N G obj'", offset);
        return new ObjectId((int)number.Integer, (int)generation.Integer);
    }

    private PdfObject Parse(PdfToken token, int depth)
    {
        switch (token.Kind)
        {
            case PdfTokenKind.Integer:
                return (PdfObject?)TryReadReference(token) ?? new PdfInteger(token.Integer);
            case PdfTokenKind.Real:
                return new PdfReal(token.Real);
            case PdfTokenKind.Name:
                return PdfName.FromBytes(token.Bytes);
            case PdfTokenKind.LiteralString:
                return new PdfString(token.Bytes, PdfStringFormat.Literal);
            case PdfTokenKind.HexString:
                return new PdfString(token.Bytes, PdfStringFormat.Hex);
            case PdfTokenKind.ArrayStart:
                return ParseArray(token, depth + 1);
            case PdfTokenKind.DictionaryStart:
                return ParseDictionary(token, depth + 1);
            case PdfTokenKind.Keyword when token.Text == "true":
                return PdfBoolean.True;
            case PdfTokenKind.Keyword when token.Text == "false":
                return PdfBoolean.False;
            case PdfTokenKind.Keyword when token.Text == "null":
                return PdfNull.Instance;
            case PdfTokenKind.EndOfInput:
                throw new PdfSyntaxException("Unexpected end of file", token.Offset);
            default:
                throw new PdfSyntaxException($"Unexpected token '{token.Text ?? token.Kind.ToString()}'", token.Offset);
        }
    }

    private PdfReference? TryReadReference(PdfToken number)
    {
        var saved = lexer.Position;
        var generation = lexer.Next();
        if (generation.Kind == PdfTokenKind.Integer && number.Integer is >= 0 and <= int.MaxValue
            && generation.Integer is >= 0 and <= 65535 && lexer.Next().IsKeyword("R"))
            return new PdfReference((int)number.Integer, (int)generation.Integer);
        lexer.Position = saved;
        return null;
    }

    private PdfArray ParseArray(PdfToken start, int depth)
    {
        CheckDepth(start, depth);
        var items = new List<PdfObject>();
        while (true)
        {
            var token = lexer.Next();
            if (token.Kind == PdfTokenKind.ArrayEnd)
                return new PdfArray(items);
            if (token.Kind == PdfTokenKind.EndOfInput)
                throw new PdfSyntaxException("Unterminated array", start.Offset);
            items.Add(Parse(token, depth));
        }
    }

    private PdfDictionary ParseDictionary(PdfToken start, int depth)
    {
        CheckDepth(start, depth);
        var entries = new List<KeyValuePair<PdfName, PdfObject>>();
        while (true)
        {
            var token = lexer.Next();
            if (token.Kind == PdfTokenKind.DictionaryEnd)
                return new PdfDictionary(entries);
            if (token.Kind == PdfTokenKind.EndOfInput)
                throw new PdfSyntaxException("Unterminated dictionary", start.Offset);
            if (token.Kind != PdfTokenKind.Name)
                throw new PdfSyntaxException("Dictionary key is not a name", token.Offset);
            var valueToken = lexer.Next();
            // "/Key >>" — a key without value — appears in damaged files; treat the value as null.
            if (valueToken.Kind == PdfTokenKind.DictionaryEnd)
            {
                entries.Add(new(PdfName.FromBytes(token.Bytes), PdfNull.Instance));
                return new PdfDictionary(entries);
            }
            entries.Add(new(PdfName.FromBytes(token.Bytes), Parse(valueToken, depth)));
        }
    }

    private void CheckDepth(PdfToken start, int depth)
    {
        if (depth > limits.MaxNestingDepth)
            throw new PdfLimitExceededException($"Nesting deeper than {limits.MaxNestingDepth}", start.Offset);
    }

    private PdfStream ReadStreamData(PdfDictionary dictionary, long objectOffset)
    {
        var input = lexer.Input;
        var position = lexer.Position;
        // The keyword is followed by CRLF or LF (§7.3.8.1); a lone CR is tolerated.
        if (input.ByteAt(position) == '\r')
            position++;
        if (input.ByteAt(position) == '\n')
            position++;
        var dataStart = position;

        var declared = DeclaredLength(dictionary);
        var length = declared is { } l && EndstreamFollows(input, dataStart + l)
            ? l
            : FindLengthByEndstream(input, dataStart, objectOffset);

        lexer.Position = dataStart + length;
        if (lexer.Next().IsKeyword("endstream") && lexer.Peek().IsKeyword("endobj"))
            lexer.Next();
        return new PdfStream(dictionary, new FileStreamData(input, dataStart, length));
    }

    private long? DeclaredLength(PdfDictionary dictionary)
    {
        var value = dictionary[PdfName.Length];
        if (value is PdfReference reference && resolveLength is not null)
            value = resolveLength(reference);
        return value is PdfInteger { Value: >= 0 } integer ? integer.Value : null;
    }

    private static bool EndstreamFollows(RandomAccessInput input, long position)
    {
        if (position > input.Length)
            return false;
        while (PdfLexer.IsWhitespace(input.ByteAt(position)))
            position++;
        Span<byte> keyword = stackalloc byte[EndstreamKeyword.Length];
        return input.Read(position, keyword) == keyword.Length && keyword.SequenceEqual(EndstreamKeyword);
    }

    private static long FindLengthByEndstream(RandomAccessInput input, long dataStart, long objectOffset)
    {
        var end = input.IndexOf(EndstreamKeyword, dataStart);
        if (end < 0)
            throw new PdfSyntaxException("Stream has no valid /Length and no 'endstream'", objectOffset);
        // The EOL before endstream is not data (§7.3.8.1).
        if (end > dataStart && input.ByteAt(end - 1) == '\n')
            end--;
        if (end > dataStart && input.ByteAt(end - 1) == '\r')
            end--;
        return end - dataStart;
    }
}
