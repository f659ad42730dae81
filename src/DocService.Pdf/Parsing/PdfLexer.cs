using System.Globalization;
using System.Text;
using DocService.Pdf.IO;

namespace DocService.Pdf.Parsing;

/// <summary>Splits bytes into tokens (ISO 32000-2 §7.2–7.3). Position can be set freely: the parser jumps.</summary>
internal sealed class PdfLexer(RandomAccessInput input, PdfLimits limits)
{
    public RandomAccessInput Input => input;

    public long Position { get; set; }

    public static bool IsWhitespace(int b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(int b) => b is '(' or ')' or '<' or '>' or '[' or ']' or '{' or '}' or '/' or '%';

    public static bool IsRegular(int b) => b >= 0 && !IsWhitespace(b) && !IsDelimiter(b);

    public PdfToken Peek()
    {
        var saved = Position;
        var token = Next();
        Position = saved;
        return token;
    }

    public PdfToken Next()
    {
        SkipWhitespaceAndComments();
        var start = Position;
        var b = input.ByteAt(Position);
        switch (b)
        {
            case -1:
                return new(PdfTokenKind.EndOfInput, start);
            case '[':
                Position++;
                return new(PdfTokenKind.ArrayStart, start);
            case ']':
                Position++;
                return new(PdfTokenKind.ArrayEnd, start);
            case '/':
                Position++;
                return new(PdfTokenKind.Name, start, Bytes: ReadName(start));
            case '(':
                Position++;
                return new(PdfTokenKind.LiteralString, start, Bytes: ReadLiteralString(start));
            case '<' when input.ByteAt(Position + 1) == '<':
                Position += 2;
                return new(PdfTokenKind.DictionaryStart, start);
            case '<':
                Position++;
                return new(PdfTokenKind.HexString, start, Bytes: ReadHexString(start));
            case '>' when input.ByteAt(Position + 1) == '>':
                Position += 2;
                return new(PdfTokenKind.DictionaryEnd, start);
            case '{' or '}':
                Position++;
                return new(PdfTokenKind.Keyword, start, Text: ((char)b).ToString());
            case '>' or ')':
                throw new PdfSyntaxException($"Unexpected '{(char)b}'", start);
        }
        return b is '+' or '-' or '.' or (>= '0' and <= '9') ? ReadNumber(start) : ReadKeyword(start);
    }

    public void SkipWhitespaceAndComments()
    {
        while (true)
        {
            var b = input.ByteAt(Position);
            if (IsWhitespace(b))
            {
                Position++;
            }
            else if (b == '%')
            {
                while (input.ByteAt(Position) is not (-1 or '\n' or '\r'))
                    Position++;
            }
            else
            {
                return;
            }
        }
    }

    private PdfToken ReadNumber(long start)
    {
        var text = ReadRegularRun(start, maxLength: 64);
        // Writers produce "--5", "-", "4." and ".5"; readers accept them, so do we.
        var trimmed = text.TrimStart('+');
        var negative = trimmed.StartsWith('-');
        trimmed = trimmed.TrimStart('-');
        if (trimmed.Length == 0 || trimmed == ".")
            return new(PdfTokenKind.Integer, start, Integer: 0);
        if (!trimmed.Contains('.') && trimmed.All(char.IsAsciiDigit) && trimmed.Length <= 18)
        {
            var value = long.Parse(trimmed, CultureInfo.InvariantCulture);
            return new(PdfTokenKind.Integer, start, Integer: negative ? -value : value);
        }
        if (double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var real))
            return new(PdfTokenKind.Real, start, Real: negative ? -real : real);
        return new(PdfTokenKind.Keyword, start, Text: text);
    }

    private PdfToken ReadKeyword(long start) => new(PdfTokenKind.Keyword, start, Text: ReadRegularRun(start, maxLength: 256));

    private string ReadRegularRun(long start, int maxLength)
    {
        var builder = new StringBuilder();
        while (IsRegular(input.ByteAt(Position)))
        {
            if (builder.Length >= maxLength)
                throw new PdfSyntaxException($"Token longer than {maxLength} bytes", start);
            builder.Append((char)input.ByteAt(Position++));
        }
        return builder.ToString();
    }

    private byte[] ReadName(long start)
    {
        var bytes = new List<byte>();
        while (IsRegular(input.ByteAt(Position)))
        {
            if (bytes.Count >= limits.MaxNameLength)
                throw new PdfLimitExceededException($"Name longer than {limits.MaxNameLength} bytes", start);
            var b = input.ByteAt(Position++);
            if (b == '#' && HexValue(input.ByteAt(Position)) is var high and >= 0 && HexValue(input.ByteAt(Position + 1)) is var low and >= 0)
            {
                bytes.Add((byte)(high * 16 + low));
                Position += 2;
            }
            else
            {
                bytes.Add((byte)b);
            }
        }
        return bytes.ToArray();
    }

    private byte[] ReadLiteralString(long start)
    {
        var bytes = new List<byte>();
        var depth = 1;
        while (true)
        {
            if (bytes.Count > limits.MaxStringLength)
                throw new PdfLimitExceededException($"String longer than {limits.MaxStringLength} bytes", start);
            var b = input.ByteAt(Position++);
            switch (b)
            {
                case -1:
                    throw new PdfSyntaxException("Unterminated literal string", start);
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return bytes.ToArray();
                case '\\':
                    ReadEscape(bytes);
                    continue;
                case '\r':
                    // An unescaped end-of-line in a literal string stands for one LF (§7.3.4.2).
                    if (input.ByteAt(Position) == '\n')
                        Position++;
                    b = '\n';
                    break;
            }
            bytes.Add((byte)b);
        }
    }

    private void ReadEscape(List<byte> bytes)
    {
        var b = input.ByteAt(Position++);
        switch (b)
        {
            case 'n': bytes.Add((byte)'\n'); return;
            case 'r': bytes.Add((byte)'\r'); return;
            case 't': bytes.Add((byte)'\t'); return;
            case 'b': bytes.Add((byte)'\b'); return;
            case 'f': bytes.Add((byte)'\f'); return;
            case '\r':
                if (input.ByteAt(Position) == '\n')
                    Position++;
                return;
            case '\n':
                return;
            case >= '0' and <= '7':
                var value = b - '0';
                for (var i = 0; i < 2 && input.ByteAt(Position) is >= '0' and <= '7'; i++)
                    value = value * 8 + input.ByteAt(Position++) - '0';
                bytes.Add((byte)value);
                return;
            case -1:
                return;
            default:
                // \( \) \\ and, leniently, any other escaped byte stand for themselves.
                bytes.Add((byte)b);
                return;
        }
    }

    private byte[] ReadHexString(long start)
    {
        var bytes = new List<byte>();
        var high = -1;
        while (true)
        {
            if (bytes.Count > limits.MaxStringLength)
                throw new PdfLimitExceededException($"String longer than {limits.MaxStringLength} bytes", start);
            var b = input.ByteAt(Position++);
            if (b == '>')
                break;
            if (b == -1)
                throw new PdfSyntaxException("Unterminated hex string", start);
            if (IsWhitespace(b))
                continue;
            var value = HexValue(b);
            if (value < 0)
                throw new PdfSyntaxException($"Invalid character 0x{b:X2} in hex string", Position - 1);
            if (high < 0)
            {
                high = value;
            }
            else
            {
                bytes.Add((byte)(high * 16 + value));
                high = -1;
            }
        }
        if (high >= 0)
            bytes.Add((byte)(high * 16));
        return bytes.ToArray();
    }

    private static int HexValue(int b) => b switch
    {
        >= '0' and <= '9' => b - '0',
        >= 'a' and <= 'f' => b - 'a' + 10,
        >= 'A' and <= 'F' => b - 'A' + 10,
        _ => -1,
    };
}
