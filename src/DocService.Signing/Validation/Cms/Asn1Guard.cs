namespace DocService.Signing.Validation.Cms;

/// <summary>
/// Walks the first BER/DER element of untrusted bytes without recursion, before a recursive
/// parser sees them: a /Contents of nested constructed tags would otherwise exhaust the stack,
/// which no catch block survives. Returns the element's length, or a reason it is refused.
/// </summary>
internal static class Asn1Guard
{
    public const int MaxDepth = 48;

    public static (int Length, string? Problem) Check(ReadOnlySpan<byte> data)
    {
        // Each open constructed element: its end, or -1 while indefinite (closed by 00 00).
        Span<int> ends = stackalloc int[MaxDepth + 1];
        var depth = 0;
        var pos = 0;
        do
        {
            while (depth > 0 && ends[depth - 1] >= 0 && pos == ends[depth - 1])
                depth--;
            if (depth == 0 && pos > 0)
                return (pos, null);
            if (depth > 0 && ends[depth - 1] < 0 && pos + 1 < data.Length && data[pos] == 0 && data[pos + 1] == 0)
            {
                pos += 2;
                depth--;
                if (depth == 0)
                    return (pos, null);
                continue;
            }
            if (pos >= data.Length)
                return (0, "the ASN.1 data ends inside an element");
            var identifier = data[pos++];
            if ((identifier & 0x1F) == 0x1F)
            {
                var tagBytes = 0;
                while (pos < data.Length && (data[pos++] & 0x80) != 0)
                {
                    if (++tagBytes > 4)
                        return (0, "an ASN.1 tag number is too long");
                }
            }
            if (pos >= data.Length)
                return (0, "the ASN.1 data ends inside a tag");
            int length;
            var first = data[pos++];
            if (first < 0x80)
                length = first;
            else if (first == 0x80)
                length = -1;
            else
            {
                var count = first & 0x7F;
                if (count > 4 || pos + count > data.Length)
                    return (0, "an ASN.1 length is malformed");
                long value = 0;
                for (var i = 0; i < count; i++)
                    value = (value << 8) | data[pos++];
                if (value > data.Length - pos)
                    return (0, "an ASN.1 length points past the end of the data");
                length = (int)value;
            }
            var constructed = (identifier & 0x20) != 0;
            if (!constructed)
            {
                if (length < 0)
                    return (0, "a primitive ASN.1 element has an indefinite length");
                pos += length;
                if (depth > 0 && ends[depth - 1] >= 0 && pos > ends[depth - 1])
                    return (0, "an ASN.1 element overruns its container");
                continue;
            }
            if (depth == MaxDepth)
                return (0, $"ASN.1 elements are nested deeper than {MaxDepth}");
            var end = length < 0 ? -1 : pos + length;
            if (depth > 0 && end >= 0 && ends[depth - 1] >= 0 && end > ends[depth - 1])
                return (0, "an ASN.1 element overruns its container");
            ends[depth++] = end;
        }
        while (true);
    }
}
