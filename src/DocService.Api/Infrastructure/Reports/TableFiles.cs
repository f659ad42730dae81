using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using DocService.Drafting.Reports;

namespace DocService.Api.Infrastructure.Reports;

/// <summary>
/// One table (a register, the statistics) written as the file a person asked for. XLSX keeps figures as numbers so
/// they can be summed; CSV is UTF-8 with a byte-order mark, which spreadsheet programs need to read Vietnamese; PDF
/// is the printable page with the bundled Times-metric font.
/// </summary>
public static class TableFiles
{
    public static IResult Download(TableReport table, ExportFormat format, string fileName)
    {
        var bytes = format switch
        {
            ExportFormat.Xlsx => Xlsx(table),
            ExportFormat.Csv => Csv(table),
            ExportFormat.Pdf => Pdf(table),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "JSON is answered by the endpoint itself."),
        };
        return TypedResults.File(bytes, format.MediaType(), $"{fileName}.{format.Extension()}");
    }

    public static byte[] Xlsx(TableReport table)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName(table.Title));
        var columns = table.Columns.Count;
        var row = 1;
        sheet.Cell(row, 1).Value = table.Title;
        sheet.Range(row, 1, row, columns).Merge().Style.Font.SetBold().Font.SetFontSize(14).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        foreach (var line in table.Preamble)
        {
            row++;
            sheet.Cell(row, 1).Value = line;
            sheet.Range(row, 1, row, columns).Merge();
        }
        row += 2;
        var headerRow = row;
        for (var c = 0; c < columns; c++)
        {
            var cell = sheet.Cell(row, c + 1);
            cell.Value = table.Columns[c].Title;
            cell.Style.Font.SetBold().Fill.SetBackgroundColor(XLColor.FromArgb(230, 230, 230))
                .Alignment.SetWrapText().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center).Alignment.SetVertical(XLAlignmentVerticalValues.Center);
        }
        foreach (var values in table.Rows)
        {
            row++;
            for (var c = 0; c < columns && c < values.Count; c++)
            {
                var cell = sheet.Cell(row, c + 1);
                if (values[c] is not { } text)
                    continue;
                if (table.Columns[c].Numeric && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                    cell.Value = number;
                else
                    cell.SetValue(text); // as text: "01" and "15/QĐ-UBND" must not become numbers or dates
                cell.Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            }
        }
        var body = sheet.Range(headerRow, 1, Math.Max(row, headerRow), columns);
        body.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        // Widths from the columns' weights: ClosedXML's AdjustToContents measures with GDI+, which Linux lacks.
        var total = table.Columns.Sum(c => c.Weight);
        for (var c = 0; c < columns; c++)
            sheet.Column(c + 1).Width = Math.Clamp(160 * table.Columns[c].Weight / total, 8, 60);
        sheet.SheetView.FreezeRows(headerRow);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    public static byte[] Csv(TableReport table)
    {
        using var output = new MemoryStream();
        // Escape: a sender's name or a subject typed as "=…" must not run as a formula in the clerk's spreadsheet.
        using (var csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord([.. table.Columns.Select(c => c.Title)]);
            foreach (var values in table.Rows)
                csv.WriteRecord([.. Enumerable.Range(0, table.Columns.Count).Select(c => c < values.Count ? values[c] : null)]);
        }
        return output.ToArray();
    }

    public static byte[] Pdf(TableReport table)
    {
        using var output = new MemoryStream();
        TableReportRenderer.Render(table, output);
        return output.ToArray();
    }

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ].</summary>
    static string SheetName(string title)
    {
        var name = new string([.. title.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]).Trim();
        return name.Length == 0 ? "Sheet1" : name.Length > 31 ? name[..31] : name;
    }
}
