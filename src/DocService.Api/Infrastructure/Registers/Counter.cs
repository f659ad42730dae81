namespace DocService.Api.Infrastructure.Registers;

/// <summary>A named, gap-free sequence: register numbers and the audit chain take their next value here.</summary>
public sealed class Counter
{
    public string Key { get; init; } = "";
    public long Value { get; init; }
}
