using DocService.Pdf.Filters;
using DocService.Pdf.IO;
using DocService.Pdf.Objects;
using DocService.Pdf.Parsing;

namespace DocService.Pdf.CrossReference;

/// <summary>
/// The decoded content of an object stream (§7.5.7): <c>/N</c> pairs of object number and
/// relative offset, then the objects from <c>/First</c> on.
/// </summary>
internal sealed class ObjectStreamContent
{
    private readonly PdfParser _parser;
    private readonly (int Number, long Offset)[] _members;
    private readonly long _first;
    private readonly long _streamOffset;

    private ObjectStreamContent(PdfParser parser, (int, long)[] members, long first, long streamOffset)
    {
        _parser = parser;
        _members = members;
        _first = first;
        _streamOffset = streamOffset;
    }

    public IReadOnlyList<(int Number, long Offset)> Members => _members;

    public static ObjectStreamContent Read(PdfStream stream, long streamOffset, PdfLimits limits, Func<PdfObject?, PdfObject?> resolve)
    {
        var dictionary = stream.Dictionary;
        var count = resolve(dictionary[PdfName.N]) as PdfInteger;
        var first = resolve(dictionary[PdfName.First]) as PdfInteger;
        if (count is not { Value: >= 0 } || first is not { Value: >= 0 })
            throw new PdfSyntaxException("Object stream lacks a valid /N or /First", streamOffset);
        if (count.Value > limits.MaxObjectCount)
            throw new PdfLimitExceededException($"Object stream declares {count.Value} objects", streamOffset);

        var data = StreamDecoder.Decode(stream, limits, streamOffset, resolve);
        if (first.Value > data.Length || count.Value * 4 > data.Length)
            throw new PdfSyntaxException("Object stream /N or /First does not fit its data", streamOffset);

        var lexer = new PdfLexer(RandomAccessInput.FromBytes(data), limits);
        var members = new (int, long)[count.Value];
        for (var i = 0; i < members.Length; i++)
        {
            var number = lexer.Next();
            var offset = lexer.Next();
            if (number.Kind != PdfTokenKind.Integer || offset.Kind != PdfTokenKind.Integer
                || number.Integer is < 0 or > int.MaxValue || offset.Integer < 0)
                throw new PdfSyntaxException($"Object stream header entry {i} is malformed", streamOffset);
            members[i] = ((int)number.Integer, offset.Integer);
        }
        return new ObjectStreamContent(new PdfParser(lexer, limits), members, first.Value, streamOffset);
    }

    /// <summary>The object at <paramref name="index"/>, checked to be <paramref name="number"/>.</summary>
    public PdfObject Get(int number, int index)
    {
        var at = index < _members.Length && _members[index].Number == number
            ? index
            : Array.FindIndex(_members, m => m.Number == number);
        if (at < 0)
            throw new PdfSyntaxException($"Object {number} is not in the object stream", _streamOffset);
        _parser.Lexer.Position = _first + _members[at].Offset;
        return _parser.ParseObject();
    }
}
