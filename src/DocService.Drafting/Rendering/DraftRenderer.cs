using DocService.Drafting.Fields;
using DocService.Drafting.Fonts;
using DocService.Drafting.Layout;
using DocService.Drafting.Model;
using DocService.Drafting.Validation;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DocService.Drafting.Rendering;

/// <summary>
/// Renders a draft to a PDF in the Decree 30/2020/NĐ-CP Phụ lục I layout, with empty number and date
/// text fields and empty signer and organisation signature fields. Thread-safe: each call builds
/// its own document.
/// </summary>
public sealed class DraftRenderer(TimeProvider time)
{
    public DraftRenderer() : this(TimeProvider.System) { }

    /// <exception cref="DraftValidationException">The draft is incomplete or a value is too long.</exception>
    public RenderedDraft Render(Draft draft, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var buffer = RenderToBuffer(draft, out var pageCount, out var fields);
        buffer.CopyTo(destination);
        return Result(buffer, pageCount, fields);
    }

    /// <inheritdoc cref="Render"/>
    public async Task<RenderedDraft> RenderAsync(Draft draft, Stream destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var buffer = RenderToBuffer(draft, out var pageCount, out var fields);
        await buffer.CopyToAsync(destination, ct).ConfigureAwait(false);
        return Result(buffer, pageCount, fields);
    }

    // PDFsharp seeks while writing the cross-reference table, so it writes to memory first; the
    // caller's stream (an HTTP response, an object store upload) may not be seekable.
    MemoryStream RenderToBuffer(Draft draft, out int pageCount, out IReadOnlyList<FieldRequest> fields)
    {
        var valid = DraftValidator.Normalise(draft);
        FontRegistration.EnsureRegistered();
        var typography = new Typography();
        var rows = Layout(valid, typography, out var measure);

        using (measure)
        using (var document = new PdfDocument())
        {
            document.Info.Title = valid.Subject;
            document.Info.Creator = "DocService";
            document.Info.CreationDate = time.GetLocalNow().DateTime;
            document.Internals.Catalog.Elements["/Lang"] = new PdfString("vi-VN");
            // PDFsharp 6.2.4 ends its Flate streams without the final deflate block and Adler-32
            // checksum (qpdf: "input stream is complete but output may still be valid"; zlib never
            // reports end of stream). Strict parsers, ours included, may reject such streams, so
            // PDFsharp writes uncompressed and StreamCompressor deflates the streams properly after.
            document.Options.NoCompression = true;
            document.Options.CompressContentStreams = false;

            var sink = new FieldSink();
            pageCount = new Paginator(document, typography, sink).Paginate(rows);
            AcroFormWriter.Write(document, sink.Requests);
            fields = sink.Requests;

            using var uncompressed = new MemoryStream();
            document.Save(uncompressed, closeStream: false);
            return StreamCompressor.Compress(uncompressed);
        }
    }

    static List<Row> Layout(Draft draft, Typography typography, out XGraphics measure)
    {
        measure = XGraphics.CreateMeasureContext(
            new XSize(PageGeometry.Width, PageGeometry.Height), XGraphicsUnit.Point, XPageDirection.Downwards);
        var breaker = new LineBreaker(measure);
        var rows = new List<Row> { new HeaderBuilder(breaker, typography).Build(draft) };
        rows.AddRange(new TitleBuilder(breaker, typography).Build(draft));
        rows.AddRange(new BodyBuilder(breaker, typography).Build(draft.Body));
        // The signature block never starts a page alone: it takes the body's last lines with it.
        rows[^1].KeepWithNext = true;
        rows.Add(new SignatureBuilder(breaker, typography).Build(draft));
        return rows;
    }

    static RenderedDraft Result(MemoryStream buffer, int pageCount, IReadOnlyList<FieldRequest> fields) =>
        new(pageCount, buffer.Length, fields.ToDictionary(f => f.Name, f => f.Placement));
}
