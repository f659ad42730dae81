using System.Collections;

namespace DocService.Pdf.Objects;

/// <summary>An array object. Equality is element-wise.</summary>
public sealed record PdfArray : PdfObject, IReadOnlyList<PdfObject>
{
    public static PdfArray Empty { get; } = new();

    private readonly PdfObject[] _items;

    public PdfArray(params IEnumerable<PdfObject> items) => _items = items.ToArray();

    public int Count => _items.Length;

    public PdfObject this[int index] => _items[index];

    public static PdfArray OfIntegers(params IEnumerable<long> values) => new(values.Select(v => new PdfInteger(v)));

    public IEnumerator<PdfObject> GetEnumerator() => ((IEnumerable<PdfObject>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PdfArray? other) => other is not null && _items.SequenceEqual(other._items);

    public override int GetHashCode() => _items.Length;
}
