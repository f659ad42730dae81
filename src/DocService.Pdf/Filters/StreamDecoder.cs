using DocService.Pdf.Objects;

namespace DocService.Pdf.Filters;

/// <summary>
/// Applies a stream's /Filter chain (§7.4). Only what the object layer itself needs is supported
/// (FlateDecode with predictors, for xref and object streams); anything else is reported by name
/// rather than guessed at.
/// </summary>
public static class StreamDecoder
{
    /// <summary>
    /// Decodes <paramref name="stream"/>. <paramref name="resolve"/> follows indirect /Filter or
    /// /DecodeParms values; <paramref name="offset"/> is the object's offset, used in errors.
    /// <paramref name="maxDecodedBytes"/> is what the caller knows the data can hold at most (an xref stream's
    /// entries), a tighter bound than the limits' for a stream whose size follows from its dictionary.
    /// </summary>
    public static byte[] Decode(PdfStream stream, PdfLimits limits, long offset, Func<PdfObject?, PdfObject?>? resolve = null,
        long? maxDecodedBytes = null)
    {
        resolve ??= o => o;
        var filters = AsList(resolve(stream.Dictionary[PdfName.Filter]), resolve);
        var parameters = AsList(resolve(stream.Dictionary[PdfName.DecodeParms]), resolve);

        if (stream.Data.Length > limits.MaxDecodedStreamBytes && filters.Count == 0)
            throw new PdfLimitExceededException($"Stream of {stream.Data.Length} bytes exceeds the decode limit", offset);

        using var raw = stream.Data.OpenRead();
        if (filters.Count == 0)
            return ReadAll(raw, stream.Data.Length);

        // The expansion ratio is measured against the bytes in the file, for the whole chain: a Flate of a Flate
        // would otherwise multiply the ratio once per stage.
        var ceiling = Math.Min(
            Math.Min(limits.MaxDecodedStreamBytes, maxDecodedBytes ?? long.MaxValue),
            Math.Max(limits.FlateRatioFloorBytes, stream.Data.Length * limits.MaxFlateExpansionRatio));
        byte[]? data = null;
        for (var i = 0; i < filters.Count; i++)
        {
            var decodeParms = i < parameters.Count ? resolve(parameters[i]) as PdfDictionary : null;
            using var input = data is null ? raw : new MemoryStream(data, writable: false);
            var inputLength = data?.Length ?? stream.Data.Length;
            data = (resolve(filters[i]) as PdfName)?.Value switch
            {
                "FlateDecode" or "Fl" => Predictor.Apply(FlateDecoder.Decode(input, inputLength, ceiling, offset), decodeParms, offset),
                var name => throw new PdfUnsupportedFeatureException(
                    $"Stream filter /{name ?? "(not a name)"} is not supported (object at byte {offset})"),
            };
        }
        return data!;
    }

    private static List<PdfObject> AsList(PdfObject? value, Func<PdfObject?, PdfObject?> resolve) => value switch
    {
        null or PdfNull => [],
        PdfArray array => array.Select(item => resolve(item) ?? PdfNull.Instance).ToList(),
        _ => [value],
    };

    private static byte[] ReadAll(Stream raw, long length)
    {
        var bytes = new byte[length];
        raw.ReadExactly(bytes);
        return bytes;
    }
}
