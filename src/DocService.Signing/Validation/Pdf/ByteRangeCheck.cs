using DocService.Pdf.CrossReference;

namespace DocService.Signing.Validation.Pdf;

/// <summary>What a /ByteRange says and whether it is sane.</summary>
/// <remarks>
/// <para><c>Valid</c>: Starts at 0, two ranges, the gap is exactly this signature's /Contents hex string, inside the file, ending at a revision end.</para>
/// <para><c>InsideFile</c>: Both ranges lie within the file, so a digest can be computed over them.</para>
/// <para><c>CoveredRevision</c>: The revision whose end the range reaches, when it reaches one.</para>
/// </remarks>
internal sealed record ByteRangeResult(bool Valid, bool InsideFile, Coverage Coverage, int? CoveredRevision, IReadOnlyList<string> Problems);

/// <summary>
/// Checks a /ByteRange against the bytes: the first defence against signature wrapping and
/// universal signature forgery, which bend the range so that signed bytes are not the shown ones.
/// Nothing is repaired: a range one byte past the end is invalid, not clamped.
/// </summary>
internal static class ByteRangeCheck
{
    public static ByteRangeResult Check(Stream stream, RevisionSnapshots snapshots, EmbeddedSignature signature)
    {
        var problems = new List<string>();
        var length = stream.Length;
        if (signature.ByteRange is not { } r)
            return new(false, false, Coverage.Unclear, null, ["/ByteRange is missing or is not four integers."]);
        if (signature.Contents is null)
            problems.Add("/Contents is missing or is not a string.");
        // Two /Contents or two /ByteRange in one dictionary: validators that take the first and
        // viewers that take the last see different signatures, so neither can be said to be signed.
        foreach (var repeated in signature.Dictionary.RepeatedKeys.Where(k => k.Value is "Contents" or "ByteRange"))
            problems.Add($"The signature dictionary has /{repeated.Value} more than once: it is malformed, and which value is signed is ambiguous.");

        long a = r[0], b = r[1], c = r[2], d = r[3];
        if (r.Any(v => v < 0))
            return new(false, false, Coverage.Unclear, null, [$"/ByteRange [{a} {b} {c} {d}] has a negative number."]);
        if (a != 0)
            problems.Add($"/ByteRange starts at {a}, not at 0: the file's beginning is not signed.");
        if (c < a + b)
            problems.Add($"/ByteRange ranges overlap ({a}+{b} > {c}).");
        var insideFile = a + b <= length && c + d <= length && c >= a + b;
        if (c + d > length || a + b > length)
            problems.Add($"/ByteRange ends at byte {c + d} but the file has {length} bytes.");

        if (insideFile && signature.Contents is { } contents)
            CheckGap(stream, b, c, contents, problems);
        if (insideFile)
            CheckGapInsideDictionary(stream, snapshots, signature, b, problems);

        var end = c + d;
        var covered = snapshots.EndingAt(end);
        if (insideFile && covered is null && end != length)
            problems.Add($"/ByteRange ends at byte {end}, which is not the end of a revision (%%EOF): part of its revision is unsigned.");
        if (insideFile && covered is not null && snapshots.RevisionContaining(b) != covered.Number)
            problems.Add($"The /Contents of this signature lies in revision {snapshots.RevisionContaining(b)}, not in revision {covered.Number} that its range covers.");

        var valid = problems.Count == 0;
        var coverage = !valid ? Coverage.Unclear
            : end == length ? Coverage.EntireFile
            : Coverage.Revision;
        var coveredNumber = covered?.Number ?? (end == length ? snapshots.Count : null);
        return new(valid, insideFile, coverage, valid ? coveredNumber : covered?.Number, problems);
    }

    /// <summary>The gap must be exactly &lt;hex&gt; and that hex must decode to the dictionary's /Contents.</summary>
    static void CheckGap(Stream stream, long start, long end, byte[] contents, List<string> problems)
    {
        var gap = end - start;
        if (gap < 2 || gap > 4L * contents.Length + 2)
        {
            problems.Add($"The /ByteRange gap of {gap} bytes cannot be the /Contents hex string of {contents.Length} bytes.");
            return;
        }
        Span<byte> edge = stackalloc byte[1];
        StreamBytes.ReadAt(stream, start, edge);
        var opens = edge[0] == (byte)'<';
        StreamBytes.ReadAt(stream, end - 1, edge);
        if (!opens || edge[0] != (byte)'>')
        {
            problems.Add("The /ByteRange gap is not exactly one hex string <…>: bytes outside /Contents are left unsigned.");
            return;
        }

        var decoded = 0;
        var high = -1;
        var mismatch = false;
        var notHex = false;
        StreamBytes.ForEachChunk(stream, start + 1, gap - 2, chunk =>
        {
            foreach (var ch in chunk.Span)
            {
                if (ch is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0)
                    continue;
                var value = HexValue(ch);
                if (value < 0)
                {
                    notHex = true;
                    return;
                }
                if (high < 0)
                {
                    high = value;
                    continue;
                }
                var b = (byte)(high << 4 | value);
                high = -1;
                if (decoded >= contents.Length || contents[decoded] != b)
                    mismatch = true;
                decoded++;
            }
        });
        if (high >= 0)
        {
            if (decoded >= contents.Length || contents[decoded] != (byte)(high << 4))
                mismatch = true;
            decoded++;
        }
        if (notHex)
            problems.Add("The /ByteRange gap contains bytes that are not hex digits: it is not just the /Contents string.");
        else if (mismatch || decoded != contents.Length)
            problems.Add("The /ByteRange gap holds a hex string other than this signature's /Contents.");
    }

    /// <summary>The gap must start inside the signature dictionary's own object, not somewhere else that happens to hold the same hex.</summary>
    static void CheckGapInsideDictionary(Stream stream, RevisionSnapshots snapshots, EmbeddedSignature signature, long gapStart, List<string> problems)
    {
        var document = snapshots.At(signature.FirstRevision);
        if (signature.ContainerId is not { } id || document is null
            || !document.CrossReference.TryGetValue(id.Number, out var entry) || entry.Kind != XrefEntryKind.InFile)
        {
            problems.Add("The signature dictionary is not an object stored directly in the file, so its /Contents cannot be located.");
            return;
        }
        if (entry.Offset >= gapStart || StreamBytes.IndexOf(stream, "endobj"u8, entry.Offset, gapStart) >= 0)
            problems.Add($"The /ByteRange gap at byte {gapStart} is not inside the signature dictionary (object {id} at byte {entry.Offset}).");
    }

    static int HexValue(byte ch) => ch switch
    {
        >= (byte)'0' and <= (byte)'9' => ch - '0',
        >= (byte)'a' and <= (byte)'f' => ch - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => ch - 'A' + 10,
        _ => -1,
    };
}
