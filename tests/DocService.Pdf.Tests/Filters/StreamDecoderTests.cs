using System.Text;
using DocService.Pdf.Filters;
using DocService.Pdf.Objects;
using DocService.Pdf.Tests.Support;

namespace DocService.Pdf.Tests.Filters;

public class StreamDecoderTests
{
    private static PdfStream Stream(string filter, byte[] data, PdfDictionary? parameters = null)
    {
        var dictionary = PdfDictionary.Of(("Filter", new PdfName(filter)));
        if (parameters is not null)
            dictionary = dictionary.With(PdfName.DecodeParms, parameters);
        return new PdfStream(dictionary, data);
    }

    [Fact]
    public void Flate_data_is_inflated()
    {
        var decoded = StreamDecoder.Decode(Stream("FlateDecode", TestPdfBuilder.Deflate("hello hello hello"u8.ToArray())), PdfLimits.Default, 0);

        Encoding.ASCII.GetString(decoded).ShouldBe("hello hello hello");
    }

    [Fact]
    public void Png_predictors_of_every_row_type_are_undone()
    {
        // Two rows of 3 columns; row 1 uses Sub (1), row 2 uses Paeth (4) over row 1.
        byte[] predicted = [1, 10, 5, 5, 4, 0, 2, 1];
        var parameters = PdfDictionary.Of(("Predictor", new PdfInteger(12)), ("Columns", new PdfInteger(3)));

        var decoded = StreamDecoder.Decode(Stream("FlateDecode", TestPdfBuilder.Deflate(predicted), parameters), PdfLimits.Default, 0);

        // Sub: 10, 10+5, 15+5 = 10 15 20. Paeth picks "up" (10,15,20) when left is absent or farther.
        decoded.ShouldBe(new byte[] { 10, 15, 20, 10, 17, 21 });
    }

    [Fact]
    public void Unsupported_filters_are_reported_by_name_and_offset()
    {
        var error = Should.Throw<PdfUnsupportedFeatureException>(() =>
            StreamDecoder.Decode(Stream("JBIG2Decode", [1, 2, 3]), PdfLimits.Default, 4321));

        error.Message.ShouldContain("/JBIG2Decode");
        error.Message.ShouldContain("4321");
    }

    [Fact]
    public void Corrupt_flate_data_with_nothing_recoverable_is_a_syntax_error_at_the_object()
    {
        Should.Throw<PdfSyntaxException>(() => StreamDecoder.Decode(Stream("FlateDecode", [0x78, 0x9C, 0xFF, 0xFF, 0xFF]), PdfLimits.Default, 99))
            .Offset.ShouldBe(99);
    }
}
