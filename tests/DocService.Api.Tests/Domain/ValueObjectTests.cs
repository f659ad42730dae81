using DocService.Api.Domain;

namespace DocService.Api.Tests.Domain;

public sealed class ValueObjectTests
{
    [Theory]
    [InlineData("000.00.00.H41")]
    [InlineData("000.00.12.H41")]
    [InlineData("G12.34.56.789")]
    public void Organ_codes_in_the_national_format_parse(string code) =>
        OrganId.Parse(code).Value.ShouldBe(code);

    [Theory]
    [InlineData("")]
    [InlineData("000.00.00.H4")]
    [InlineData("000-00-00-H41")]
    [InlineData("000.00.00.h41")]
    [InlineData("000.00.00.H41 ")]
    public void Malformed_organ_codes_are_refused(string code) =>
        OrganId.TryParse(code, out _).ShouldBeFalse();

    [Theory]
    [InlineData(5, "QĐ-UBND", "05/QĐ-UBND")]
    [InlineData(123, "UBND-VP", "123/UBND-VP")]
    [InlineData(7, null, "07")]
    public void Document_codes_pad_numbers_below_ten(int number, string? notation, string expected) =>
        DocumentCode.Format(number, notation).ShouldBe(expected);

    [Fact]
    public void Register_year_follows_the_calendar_in_vietnam()
    {
        // 20:00 UTC on 31 December is already 03:00 on 1 January in Hà Nội.
        VietnamTime.Today(new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2027, 1, 1));
        VietnamTime.Today(new DateTimeOffset(2026, 12, 31, 16, 59, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 12, 31));
    }
}
