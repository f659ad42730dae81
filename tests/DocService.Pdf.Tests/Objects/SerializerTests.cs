using System.Globalization;
using DocService.Pdf.Objects;
using DocService.Pdf.Tests.Support;
using DocService.Pdf.Writing;

namespace DocService.Pdf.Tests.Objects;

public class SerializerTests
{
    [Fact]
    public void Names_with_delimiters_spaces_and_non_ascii_bytes_are_escaped_as_hex()
    {
        var name = PdfName.FromBytes([.. "A B#(/)"u8, 0xC3, 0xA9]);

        TestPdf.Text(PdfSerializer.ToBytes(name)).ShouldBe("/A#20B#23#28#2F#29#C3#A9");
    }

    [Fact]
    public void Literal_strings_escape_parentheses_backslash_and_carriage_return()
    {
        var value = new PdfString("a(b)c\\d\re"u8);

        TestPdf.Text(PdfSerializer.ToBytes(value)).ShouldBe("(a\\(b\\)c\\\\d\\re)");
    }

    [Fact]
    public void Hex_strings_stay_hex()
    {
        TestPdf.Text(PdfSerializer.ToBytes(PdfString.Hex([0x00, 0xAB, 0xFF]))).ShouldBe("<00ABFF>");
    }

    [Theory]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(12345678901.5, "12345678901.5")]
    [InlineData(-0.0, "0")]
    [InlineData(595.28, "595.28")]
    public void Reals_are_written_without_exponent(double value, string expected)
    {
        TestPdf.Text(PdfSerializer.ToBytes(new PdfReal(value))).ShouldBe(expected);
    }

    [Fact]
    public void Reals_ignore_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("vi-VN");
        try
        {
            TestPdf.Text(PdfSerializer.ToBytes(new PdfReal(1.5))).ShouldBe("1.5");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Every_object_kind_survives_a_write_and_read_round_trip()
    {
        var original = PdfDictionary.Of(
            ("Type", new PdfName("Sig")),
            ("Null", PdfNull.Instance),
            ("Flag", PdfBoolean.True),
            ("Count", new PdfInteger(-42)),
            ("Scale", new PdfReal(0.25)),
            ("Name", PdfString.FromText("Nguyễn Văn A")),
            ("Contents", PdfString.Hex([1, 2, 3])),
            ("Ref", new PdfReference(12, 0)),
            ("Rect", PdfArray.OfIntegers(0, 0, 100, 50)),
            ("Nested", PdfDictionary.Of(("Weird Key#", new PdfArray(PdfArray.Empty)))));

        TestPdf.Parse(PdfSerializer.ToBytes(original)).ShouldBe(original);
    }

    [Fact]
    public void Vietnamese_text_is_written_as_utf16_with_a_byte_order_mark_and_read_back()
    {
        var value = PdfString.FromText("Quyết định");

        value.Bytes[..2].ToArray().ShouldBe(new byte[] { 0xFE, 0xFF });
        value.ToText().ShouldBe("Quyết định");
    }

    [Fact]
    public void Pdf_doc_encoding_bytes_decode_to_their_unicode_characters()
    {
        new PdfString([0x80, 0x84, 0xA0, 0x41]).ToText().ShouldBe("\u2022\u2014\u20ACA");
    }

    [Fact]
    public void Placeholders_are_written_verbatim_and_their_span_is_reported()
    {
        var signature = PdfDictionary.Of(
            ("Type", new PdfName("Sig")),
            ("ByteRange", PdfPlaceholder.ByteRange("ByteRange")),
            ("Contents", PdfPlaceholder.HexString("Contents", 4)));

        var text = TestPdf.Text(PdfSerializer.ToBytes(signature));

        text.ShouldBe("<</Type /Sig /ByteRange [0 ********** ********** **********] /Contents <00000000>>>");
    }
}
