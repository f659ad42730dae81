namespace DocService.Drafting.Reports;

/// <summary>A plain report: a title, lines under it, and titled sections of lines (e.g. the auditor's validation report).</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<string> Preamble, IReadOnlyList<ReportSection> Sections);

public sealed record ReportSection(string Heading, IReadOnlyList<string> Lines);
