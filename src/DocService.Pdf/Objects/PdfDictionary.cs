using System.Collections;

namespace DocService.Pdf.Objects;

/// <summary>
/// A dictionary object. Keeps the order entries were read or added in, so written output looks
/// like its input. When a file repeats a key, the last value wins (as in qpdf and pdf.js), and the
/// parser records the key in <see cref="RepeatedKeys"/> so a caller to whom ambiguity matters can refuse it.
/// </summary>
public sealed record PdfDictionary : PdfObject, IReadOnlyCollection<KeyValuePair<PdfName, PdfObject>>
{
    public static PdfDictionary Empty { get; } = new();

    private readonly List<KeyValuePair<PdfName, PdfObject>> _entries = [];
    private readonly Dictionary<PdfName, int> _index = [];
    private readonly List<PdfName> _repeated = [];

    /// <summary>Keys the entries given to the constructor held more than once (as read from a file); <see cref="With(PdfName, PdfObject)"/> replacing a value is not a repetition.</summary>
    public IReadOnlyList<PdfName> RepeatedKeys => _repeated;

    public PdfDictionary(params IEnumerable<KeyValuePair<PdfName, PdfObject>> entries)
    {
        foreach (var (key, value) in entries)
        {
            if (_index.TryGetValue(key, out var at))
            {
                _entries[at] = new(key, value);
                if (!_repeated.Contains(key))
                    _repeated.Add(key);
                continue;
            }
            _index[key] = _entries.Count;
            _entries.Add(new(key, value));
        }
    }

    /// <summary>Convenience for building dictionaries in code: <c>PdfDictionary.Of(("Type", new PdfName("Sig")))</c>.</summary>
    public static PdfDictionary Of(params IEnumerable<(string Key, PdfObject Value)> entries) =>
        new(entries.Select(e => new KeyValuePair<PdfName, PdfObject>(new PdfName(e.Key), e.Value)));

    public int Count => _entries.Count;

    public IEnumerable<PdfName> Keys => _entries.Select(e => e.Key);

    /// <summary>The direct value (a <see cref="PdfReference"/> is not followed), or null when absent.</summary>
    public PdfObject? this[PdfName key] => _index.TryGetValue(key, out var at) ? _entries[at].Value : null;

    public PdfObject? this[string key] => this[new PdfName(key)];

    public bool ContainsKey(PdfName key) => _index.ContainsKey(key);

    public PdfDictionary With(PdfName key, PdfObject value) =>
        new(_index.ContainsKey(key) ? _entries.Select(e => e.Key == key ? new(key, value) : e) : _entries.Append(new(key, value)));

    public PdfDictionary With(string key, PdfObject value) => With(new PdfName(key), value);

    public PdfDictionary Without(params IEnumerable<PdfName> keys)
    {
        var removed = keys.ToHashSet();
        return new(_entries.Where(e => !removed.Contains(e.Key)));
    }

    /// <summary>The value when it is a direct integer (e.g. /Size, /N), else null.</summary>
    public long? GetInteger(PdfName key) => this[key] is PdfInteger i ? i.Value : null;

    public IEnumerator<KeyValuePair<PdfName, PdfObject>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PdfDictionary? other) =>
        other is not null && Count == other.Count &&
        _entries.All(e => other[e.Key] is { } value && value.Equals(e.Value));

    public override int GetHashCode() => Count;
}
