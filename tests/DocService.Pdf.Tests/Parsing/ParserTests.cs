using DocService.Pdf.Objects;
using DocService.Pdf.Tests.Support;

namespace DocService.Pdf.Tests.Parsing;

public class ParserTests
{
    [Fact]
    public void Literal_strings_decode_escapes_octal_nested_parentheses_and_line_continuations()
    {
        var value = (PdfString)TestPdf.Parse("(a\\n\\101\\053(nested)\\\r\nend\r\nx)");

        TestPdf.Text(value.Bytes.ToArray()).ShouldBe("a\nA+(nested)end\nx");
        value.Format.ShouldBe(PdfStringFormat.Literal);
    }

    [Fact]
    public void Hex_strings_ignore_whitespace_and_pad_an_odd_final_digit()
    {
        var value = (PdfString)TestPdf.Parse("<48 65 6c6C 7>");

        value.Bytes.ToArray().ShouldBe(new byte[] { 0x48, 0x65, 0x6C, 0x6C, 0x70 });
        value.Format.ShouldBe(PdfStringFormat.Hex);
    }

    [Fact]
    public void A_repeated_key_keeps_the_last_value_and_is_recorded()
    {
        var dictionary = (PdfDictionary)TestPdf.Parse("<< /Contents <01> /Type /Sig /Contents <02> /Contents <03> >>");

        ((PdfString)dictionary["Contents"]!).Bytes.ToArray().ShouldBe(new byte[] { 3 });
        dictionary.RepeatedKeys.ShouldBe([new PdfName("Contents")]);
        dictionary.Count.ShouldBe(2);
    }

    [Fact]
    public void Replacing_a_value_in_code_is_not_a_repetition()
    {
        var dictionary = PdfDictionary.Of(("A", new PdfInteger(1))).With("A", new PdfInteger(2));

        dictionary.GetInteger(new PdfName("A")).ShouldBe(2);
        dictionary.RepeatedKeys.ShouldBeEmpty();
    }

    [Fact]
    public void Names_decode_hash_escapes()
    {
        TestPdf.Parse("/Lime#20Green").ShouldBe(new PdfName("Lime Green"));
    }

    [Theory]
    [InlineData("-.002", -0.002)]
    [InlineData("4.", 4.0)]
    [InlineData("+17.5", 17.5)]
    public void Reals_in_every_legal_spelling_are_read(string text, double expected)
    {
        ((PdfReal)TestPdf.Parse(text)).Value.ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void A_malformed_double_minus_number_is_read_leniently_as_viewers_do()
    {
        TestPdf.Parse("--5").ShouldBe(new PdfInteger(-5));
    }

    [Fact]
    public void Integers_followed_by_R_become_references_and_other_integers_stay_integers()
    {
        var array = (PdfArray)TestPdf.Parse("[1 0 R 2 3 4 0 R 5]");

        array.ToList().ShouldBe([new PdfReference(1, 0), new PdfInteger(2), new PdfInteger(3), new PdfReference(4, 0), new PdfInteger(5)]);
    }

    [Fact]
    public void Dictionaries_keep_entry_order_and_comments_are_ignored()
    {
        var dictionary = (PdfDictionary)TestPdf.Parse("<< /B 1 % a comment\n /A [true false null] /C<</D(x)>> >>");

        dictionary.Keys.Select(k => k.Value).ShouldBe(["B", "A", "C"]);
        dictionary["A"].ShouldBe(new PdfArray(PdfBoolean.True, PdfBoolean.False, PdfNull.Instance));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_with_the_offset()
    {
        var text = new string('[', 65) + new string(']', 65);

        var error = Should.Throw<PdfLimitExceededException>(() => TestPdf.Parse(text));

        error.Offset.ShouldBe(64);
    }

    [Fact]
    public void Nesting_at_the_limit_is_accepted()
    {
        Should.NotThrow(() => TestPdf.Parse(new string('[', 64) + new string(']', 64)));
    }

    [Fact]
    public void Strings_longer_than_the_limit_are_refused()
    {
        Should.Throw<PdfLimitExceededException>(() => TestPdf.Parse("(" + new string('x', 100) + ")", PdfLimits.Default with { MaxStringLength = 50 }));
    }

    [Fact]
    public void An_unterminated_string_reports_where_it_started()
    {
        Should.Throw<PdfSyntaxException>(() => TestPdf.Parse("  (never closed")).Offset.ShouldBe(2);
    }
}
