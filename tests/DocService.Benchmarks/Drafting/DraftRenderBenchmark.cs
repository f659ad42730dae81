using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DocService.Drafting;
using DocService.Drafting.Model;
using DocService.Drafting.Rendering;

namespace DocService.Benchmarks.Drafting;

/// <summary>
/// Renders a three-page quyết định, the size of a typical decision with its articles. Targets
/// (issue 3): under 50 ms and under 150 KB. The PDF's size is a column of the summary.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class DraftRenderBenchmark
{
    readonly DraftRenderer _renderer = new();
    readonly Draft _draft = ThreePageDecision.Draft;
    readonly MemoryStream _output = new(256 * 1024);

    [Benchmark]
    public RenderedDraft RenderThreePageQuyetDinh()
    {
        _output.SetLength(0);
        return _renderer.Render(_draft, _output);
    }

    sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new PdfSizeColumn());
    }

    /// <summary>Pages and bytes of the PDF the benchmark renders, measured once.</summary>
    sealed class PdfSizeColumn : IColumn
    {
        public string Id => nameof(PdfSizeColumn);
        public string ColumnName => "PDF";
        public string Legend => "Pages and size of the rendered PDF";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => false;
        public UnitType UnitType => UnitType.Dimensionless;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => ThreePageDecision.Describe();
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    }
}

/// <summary>The sample decision with its second article repeated until the document runs to three pages.</summary>
static class ThreePageDecision
{
    public static Draft Draft { get; } = Build();

    public static string Describe()
    {
        using var pdf = new MemoryStream();
        var rendered = new DraftRenderer().Render(Draft, pdf);
        return $"{rendered.PageCount} pages, {rendered.Length / 1024.0:0.0} KB";
    }

    static Draft Build()
    {
        var sample = SampleDrafts.QuyetDinh();
        var body = (DecisionBody)sample.Body;
        for (var extra = 1; extra < 20; extra++)
        {
            var articles = body.Articles.Take(2)
                .Concat(Enumerable.Repeat(body.Articles[1], extra))
                .Append(body.Articles[^1]).ToList();
            var draft = sample with { Body = body with { Articles = articles } };
            using var pdf = new MemoryStream();
            if (new DraftRenderer().Render(draft, pdf).PageCount == 3)
                return draft;
        }
        throw new InvalidOperationException("No number of repeated articles gives exactly three pages.");
    }
}
