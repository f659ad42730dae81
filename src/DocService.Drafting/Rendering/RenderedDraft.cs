using DocService.Drafting.Fields;

namespace DocService.Drafting.Rendering;

/// <summary>
/// What rendering produced besides the PDF bytes written to the caller's stream: how many pages,
/// how many bytes, and where each form field sits, keyed by field name (<see cref="DraftFieldNames"/>).
/// </summary>
public sealed record RenderedDraft(int PageCount, long Length, IReadOnlyDictionary<string, FieldPlacement> Fields);
