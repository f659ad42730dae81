namespace DocService.Drafting.Reports;

/// <summary>
/// A report that is a table: a title, lines under it, titled columns and rows of cell text (a register, a statistics
/// table), and optionally a bar chart after the table.
/// </summary>
public sealed record TableReport(
    string Title, IReadOnlyList<string> Preamble, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows,
    BarChart? Chart = null);

/// <summary>A column: its title, its share of the page width (relative to the other columns'), and whether it holds figures (right-aligned).</summary>
public sealed record TableColumn(string Title, double Weight = 1, bool Numeric = false);

/// <summary>Bars grouped by category (e.g. one group per month, one bar per series in it).</summary>
public sealed record BarChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<BarSeries> Series);

/// <summary>One series of a chart: its name in the legend, one value per category, its colour as RGB.</summary>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values, byte Red, byte Green, byte Blue);
