using System.Text;
using DocService.Pdf.Objects;

namespace DocService.Pdf.Writing;

/// <summary>
/// A value written verbatim whose byte position the writer reports under <see cref="Key"/>, so a
/// caller can overwrite it in place afterwards. The signer reserves <c>/Contents &lt;00…&gt;</c> and
/// <c>/ByteRange [0 ********** …]</c> this way, hashes around them, then patches both.
/// </summary>
public sealed record PdfPlaceholder : PdfObject
{
    private readonly byte[] _text;

    public PdfPlaceholder(string key, string text)
        : this(key, Encoding.ASCII.GetBytes(text))
    {
        if (text.AsSpan().IndexOfAnyExceptInRange(' ', '~') >= 0)
            throw new ArgumentException("Placeholder text must be printable ASCII.", nameof(text));
    }

    private PdfPlaceholder(string key, byte[] text)
    {
        Key = key;
        _text = text;
    }

    public string Key { get; }

    public ReadOnlySpan<byte> Text => _text;

    /// <summary>A hex string of <paramref name="byteCount"/> zero bytes: <c>&lt;0000…&gt;</c>, 2·n+2 characters.</summary>
    public static PdfPlaceholder HexString(string key, int byteCount)
    {
        var text = new byte[byteCount * 2 + 2];
        text.AsSpan().Fill((byte)'0');
        text[0] = (byte)'<';
        text[^1] = (byte)'>';
        return new PdfPlaceholder(key, text);
    }

    /// <summary>
    /// <c>[0 ********** ********** **********]</c>: four slots wide enough for any 10-digit offset.
    /// The caller overwrites it with the real numbers padded with spaces to the same width.
    /// </summary>
    public static PdfPlaceholder ByteRange(string key) => new(key, "[0 ********** ********** **********]");

    public bool Equals(PdfPlaceholder? other) => other is not null && Key == other.Key && _text.AsSpan().SequenceEqual(other._text);

    public override int GetHashCode() => Key.GetHashCode();
}

/// <summary>A byte span in the written output.</summary>
public readonly record struct ByteSpan(long Offset, long Length)
{
    public long End => Offset + Length;
}
