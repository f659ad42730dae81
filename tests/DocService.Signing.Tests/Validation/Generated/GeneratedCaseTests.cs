using DocService.Signing.Tests.Oracles;
using DocService.Signing.Tests.Support;
using DocService.Signing.Validation;
using static DocService.Signing.Tests.Validation.ValidationFixtures;

namespace DocService.Signing.Tests.Validation.Generated;

/// <summary>
/// Cases made here for each class of issue 15 and the PDF-Insecurity attack classes (incremental
/// saving, signature wrapping, universal forgery, shadow hide/replace), each checked against our own
/// expectation (from the specs) and against two independent validators: poppler's pdfsig and iText 5.
/// Where both oracles are right they must agree with us on the signature's cryptographic verdict and
/// on whether it covers the whole file; where we part from one on purpose the case says why (see
/// also docs/validation-oracles.md).
/// </summary>
/// <remarks>
/// The oracles only judge the bytes of one revision (digest and signature value, and coverage by
/// length); modifications after signing, DocMDP and duplicate keys are judged by us alone, so for
/// those the oracles' answers are pinned (to notice if they change) rather than compared.
/// </remarks>
[Trait("Category", "Oracles")]
public sealed class GeneratedCaseTests
{
    /// <summary>What we expect of ourselves for the (first) signature.</summary>
    /// <param name="Crypto">Digest and signature value verify.</param>
    /// <param name="Passes">The document may come out TOTAL_PASSED (false: it must not).</param>
    /// <param name="Attack">An attack flag the signature must carry.</param>
    public sealed record Ours(bool Crypto, Coverage Coverage, bool Passes, PdfAttack? Attack = null, bool? Permitted = null, bool OutsideForm = false);

    /// <summary>What an oracle says about the (first) signature; Found = false when it sees none.</summary>
    public sealed record Oracle(bool Found, bool? Valid = null, bool? Whole = null);

    /// <summary>A case: how to make it, what we expect, what each oracle says, and why we part from an oracle when we do.</summary>
    public sealed record Case(string Name, Func<Task<byte[]>> Make, Ours Ours, Oracle Pdfsig, Oracle Itext,
        string? PdfsigDisagreement = null, string? ItextDisagreement = null)
    {
        public override string ToString() => Name;
    }

    static Oracle Found(bool valid, bool? whole) => new(true, valid, whole);

    static readonly Oracle NotFound = new(false);

    public static readonly Case[] Cases =
    [
        new("control: one signature over the whole file",
            () => GeneratedDocuments.SignedAsync(),
            new(true, Coverage.EntireFile, true), Found(true, true), Found(true, true)),

        // Issue 15 point 1: poppler's pdfsig -add-signature writes the widget into /Annots only.
        new("signature widget on the page but not in the AcroForm",
            () => GeneratedDocuments.SignedAsync(fieldInForm: false),
            new(true, Coverage.EntireFile, true, OutsideForm: true), Found(true, true), NotFound,
            ItextDisagreement: "iText 5 reads signatures only from the AcroForm's /Fields; pdfsig and we also read the pages' widgets, as a viewer shows them."),

        // Issue 15 point 3.
        new("two /Contents, the signed one last",
            () => GeneratedDocuments.SignedAsync(signatureDictionary: "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /Contents <3082000A> "
                + "/ByteRange SIGNED_BYTERANGE /Contents SIGNED_CONTENTS /M (D:20261126093000+07'00') >>"),
            new(true, Coverage.Unclear, false, PdfAttack.SignatureWrapping), Found(true, null), Found(true, true),
            PdfsigDisagreement: "pdfsig takes the last /Contents and calls the signature valid; a dictionary with a repeated key is malformed (ISO 32000-2 §7.3.7), and a reader taking the first sees another signature, so we never say it covers the file.",
            ItextDisagreement: "iText 5 also takes the last /Contents and reports the whole file covered; same reason."),
        new("two /Contents, the signed one first",
            () => GeneratedDocuments.SignedAsync(signatureDictionary: "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange SIGNED_BYTERANGE "
                + "/Contents SIGNED_CONTENTS /M (D:20261126093000+07'00') /Contents <3082000A> >>"),
            new(false, Coverage.Unclear, false), Found(false, true), new(true, null, true),
            PdfsigDisagreement: "pdfsig cannot parse the last /Contents but still reports the total document signed (it compares lengths only); we report the range as unclear.",
            ItextDisagreement: "iText 5 cannot decode the last /Contents (an error, not a verdict) yet reports the whole file covered; we report the range as unclear."),
        new("two /ByteRange",
            () => GeneratedDocuments.SignedAsync(signatureDictionary: "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 10 20 30] "
                + "/ByteRange SIGNED_BYTERANGE /Contents SIGNED_CONTENTS /M (D:20261126093000+07'00') >>"),
            new(true, Coverage.Unclear, false, PdfAttack.SignatureWrapping), Found(true, null), Found(true, true),
            PdfsigDisagreement: "pdfsig takes the last /ByteRange; with two, what is signed depends on the reader, so we call the dictionary malformed.",
            ItextDisagreement: "iText 5 takes the last /ByteRange; same reason."),

        // PDF-Insecurity classes.
        new("incremental saving attack: a page appended after signing",
            async () => GeneratedDocuments.WithPageAdded(await GeneratedDocuments.SignedAsync()),
            new(true, Coverage.Revision, false, PdfAttack.IncrementalSavingAttack, Permitted: false), Found(true, false), Found(true, false)),
        new("shadow replace: the signed page content overwritten by a later revision",
            async () => GeneratedDocuments.WithPageContentReplaced(await GeneratedDocuments.SignedAsync()),
            new(true, Coverage.Revision, false, PdfAttack.IncrementalSavingAttack, Permitted: false), Found(true, false), Found(true, false)),
        new("shadow hide: a later revision takes the signature out of the form and the page",
            async () => GeneratedDocuments.WithSignatureHidden(await GeneratedDocuments.SignedAsync()),
            new(true, Coverage.Revision, false, PdfAttack.ShadowHide), NotFound, NotFound,
            PdfsigDisagreement: "pdfsig reports no signature at all (the final form has none); we report the hidden one and fail it. Both are 'not signed/valid' to a reader.",
            ItextDisagreement: "iText 5 reports no signature at all; same as pdfsig."),
        new("signature wrapping: objects written into the unsigned /Contents gap",
            async () => GeneratedDocuments.WithObjectWrappedIntoTheGap(await GeneratedDocuments.SignedAsync()),
            new(true, Coverage.Unclear, false, PdfAttack.SignatureWrapping), Found(true, false), Found(true, false)),
        new("universal signature forgery: no /ByteRange",
            () => Task.FromResult(HandMadePdf.Write(GeneratedDocuments.Signed(signatureDictionary:
                "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /Contents <00> >>"))),
            new(false, Coverage.Unclear, false, PdfAttack.UniversalSignatureForgery), Found(false, null), NotFound,
            ItextDisagreement: "iText 5 skips a signature dictionary without /ByteRange; we report it, failed."),
        new("universal signature forgery: empty /Contents and a zero /ByteRange",
            () => Task.FromResult(HandMadePdf.Write(GeneratedDocuments.Signed(signatureDictionary:
                "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 0 0 0] /Contents <> >>"))),
            new(false, Coverage.Unclear, false, PdfAttack.UniversalSignatureForgery), Found(false, false), new(true, null, false)),

        // Issue 15 point 5: DocMDP.
        new("certified P=2, then a widget with no field behind it",
            async () => GeneratedDocuments.WithOrphanWidget(await GeneratedDocuments.SignedAsync(docMdp: 2)),
            new(true, Coverage.Revision, false, Permitted: false), Found(true, false), Found(true, false)),
        new("certified P=3, then a widget with no field behind it",
            async () => GeneratedDocuments.WithOrphanWidget(await GeneratedDocuments.SignedAsync(docMdp: 3)),
            new(true, Coverage.Revision, true, Permitted: true), Found(true, false), Found(true, false)),
        new("certified P=2, then a new empty signature field",
            async () => GeneratedDocuments.WithNewSignatureField(await GeneratedDocuments.SignedAsync(docMdp: 2), certified: true),
            new(true, Coverage.Revision, true, Permitted: true), Found(true, false), Found(true, false)),
    ];

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Each_case_meets_our_expectation_and_agrees_with_the_oracles_where_both_are_right(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        using var directory = new TempDirectory();
        var pdf = await c.Make();
        var path = Path.Combine(directory.Path, "case.pdf");
        await File.WriteAllBytesAsync(path, pdf, TestContext.Current.CancellationToken);

        var report = await ValidateAsync(pdf);
        var why = ValidationJson.Serialize(report);
        var ours = report.Signatures.FirstOrDefault().ShouldNotBeNull(why);
        var ourCrypto = ours.Integrity.DigestMatches && ours.Integrity.SignatureVerifies;
        ourCrypto.ShouldBe(c.Ours.Crypto, why);
        ours.Coverage.Coverage.ShouldBe(c.Ours.Coverage, why);
        if (!c.Ours.Passes)
            report.Indication.ShouldNotBe(Indication.TotalPassed, why);
        if (c.Ours.Attack is { } attack)
            ours.Modifications.Attacks.ShouldContain(attack, why);
        if (c.Ours.Permitted is { } permitted)
            ours.Modifications.Permitted.ShouldBe(permitted, why);
        ours.OutsideForm.ShouldBe(c.Ours.OutsideForm, why);

        var pdfsig = (await PdfsigOracle.VerifyAsync(path)).FirstOrDefault();
        Compare("pdfsig", c.Pdfsig, pdfsig is null ? null : (pdfsig.Valid, pdfsig.Whole), c.PdfsigDisagreement, ourCrypto, ours.Coverage.Coverage);
        var itext = (await ItextOracle.VerifyAsync(path)).FirstOrDefault();
        Compare("iText", c.Itext, itext is null ? null : (itext.Intact, itext.Whole), c.ItextDisagreement, ourCrypto, ours.Coverage.Coverage);
    }

    /// <summary>The oracle says what the case records; where no disagreement is written down, it also says what we say.</summary>
    static void Compare(string oracle, Oracle expected, (bool? Valid, bool? Whole)? actual, string? disagreement, bool ourCrypto, Coverage ourCoverage)
    {
        (actual is not null).ShouldBe(expected.Found, $"{oracle} found a signature: {actual is not null}");
        if (actual is not { } said)
            return;
        if (expected.Valid is { } valid)
            said.Valid.ShouldBe(valid, $"{oracle}'s verdict changed");
        if (expected.Whole is { } whole)
            said.Whole.ShouldBe(whole, $"{oracle}'s coverage changed");
        if (disagreement is not null)
            return;
        if (said.Valid is { } theirs)
            ourCrypto.ShouldBe(theirs, $"we and {oracle} part on the signature's crypto");
        if (said.Whole is { } theirWhole)
            (ourCoverage == Coverage.EntireFile).ShouldBe(theirWhole, $"we and {oracle} part on whole-file coverage");
    }
}
