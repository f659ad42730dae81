using DocService.Signing.Timestamps;
using DocService.Signing.Http;
using System.CommandLine;
using System.Globalization;
using DocService.Drafting.Appearances;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Signing.Cms;
using DocService.Signing.Keys;
using DocService.Signing.Pades;

namespace DocService.Cli.Commands;

/// <summary>
/// <c>docsvc sign IN OUT --p12 FILE [--password PW] …</c>: a PAdES signature with a local PKCS#12. The password comes
/// from the option, DOCSVC_PASSWORD or a prompt; without <c>--field</c> the signature goes into a new field with the
/// next free name (Signature1, Signature2, …).
/// </summary>
internal static class SignCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "The PDF to sign" }.MustExist();
        var output = new Argument<FileInfo>("output") { Description = "Where the signed PDF goes" };
        var p12 = new Option<FileInfo>("--p12") { Description = "PKCS#12 with the signer's key and certificate", Required = true }.MustExist();
        var password = new Option<string?>("--password") { Description = $"The PKCS#12 password (else {Secrets.PasswordVariable}, else asked)" };
        var certify = new Option<int?>("--certify") { Description = "Certify with DocMDP permissions 1, 2 or 3 (first signature only)" };
        var field = new Option<string?>("--field") { Description = "Signature field to fill or create (default: the next free SignatureN)" };
        var page = new Option<int?>("--page") { Description = "1-based page of a new visible field" };
        var rect = new Option<string?>("--rect") { Description = "x,y,w,h of a new visible field, in points" };
        var image = new Option<FileInfo?>("--image") { Description = "PNG (transparency kept) drawn in the field" }.MustExist();
        var reason = new Option<string?>("--reason") { Description = "Reason for signing" };
        var location = new Option<string?>("--location") { Description = "Where it was signed" };

        var levels = new LevelOptions();
        var command = new Command("sign", "Sign a PDF (PAdES B-B up to B-LTA) with a PKCS#12") { input, output, p12, password, certify, field, page, rect, image, reason, location };
        levels.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(certify) is { } p && p is < 1 or > 3)
                throw new CliUsageException("--certify takes 1, 2 or 3.");
            if (!LevelOptions.TryParseLevel(parse.GetValue(levels.Level)!, out var level))
                throw new CliUsageException("--level takes B-B, B-T, B-LT or B-LTA.");
            FieldPlacement? placement = null;
            if (parse.GetValue(rect) is { } rectText)
            {
                if (!TryParseRect(rectText, out var r))
                    throw new CliUsageException("--rect takes x,y,w,h in points, e.g. 350,100,180,60.");
                placement = new FieldPlacement((parse.GetValue(page) ?? 1) - 1, r);
            }

            var keyStore = parse.GetValue(p12)!;
            using var signer = Pkcs12Signer.Open(keyStore.FullName,
                Secrets.Read(parse.GetValue(password), Secrets.PasswordVariable, "--password", $"Password of {keyStore.Name}"));
            var now = DateTimeOffset.Now;
            MemoryStream? appearance = null;
            if (parse.GetValue(image) is { } png && placement is not null)
            {
                appearance = new MemoryStream();
                AppearanceRenderer.RenderSignature(new SignatureAppearance(placement.Rect.Width, placement.Rect.Height, await File.ReadAllBytesAsync(png.FullName, ct), []), appearance);
                appearance.Position = 0;
            }

            var options = new PadesSignatureOptions
            {
                FieldName = parse.GetValue(field) ?? NextFreeFieldName(parse.GetValue(input)!),
                Placement = placement,
                Appearance = appearance,
                Certify = parse.GetValue(certify) is { } permission ? (DocMdpPermission)permission : null,
                Reason = parse.GetValue(reason),
                Location = parse.GetValue(location),
                SigningTime = now,
                Level = level,
            };
            using var http = ServiceCallResilience.CreateClient(TimestampClientOptions.DefaultTimeout);
            var tsa = levels.Client(parse, http);
            var target = parse.GetValue(output)!;
            var temporary = target.FullName + ".partial";
            try
            {
                await using (var source = parse.GetValue(input)!.OpenRead())
                await using (var destination = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite))
                    await new PadesSigner(new CmsSignatureBuilder(), tsa, levels.Extender(parse, tsa)).SignAsync(source, destination, signer, options, ct);
                File.Move(temporary, target.FullName, overwrite: true);
            }
            catch
            {
                // Nothing half-signed is left behind; the top-level handler says what went wrong.
                File.Delete(temporary);
                throw;
            }
            Console.WriteLine($"Signed {target.FullName} as {signer.Certificate.Subject}");
            return 0;
        });
        return command;
    }

    static bool TryParseRect(string text, out PdfRectangle rect)
    {
        rect = default;
        var parts = text.Split(',');
        if (parts.Length != 4 || !parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            return false;
        var v = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (v[2] <= 0 || v[3] <= 0)
            return false;
        rect = new PdfRectangle(v[0], v[1], v[0] + v[2], v[1] + v[3]);
        return true;
    }

    /// <summary>Signature1, Signature2, …: the first such name no field of the document has.</summary>
    static string NextFreeFieldName(FileInfo pdf)
    {
        using var stream = pdf.OpenRead();
        var taken = PdfDocument.Open(stream).Fields.Select(f => f.FullName).ToHashSet(StringComparer.Ordinal);
        var n = 1;
        while (taken.Contains($"Signature{n}"))
            n++;
        return $"Signature{n}";
    }
}
