using Microsoft.Extensions.Options;

namespace DocService.AxisSimulator;

/// <summary>Draws the configured faults from one seeded random, serialised so runs are reproducible.</summary>
public sealed class FaultInjector(IOptions<FaultOptions> options)
{
    readonly Random _random = options.Value.Seed is { } seed ? new Random(seed) : new Random();
    readonly Lock _lock = new();

    public FaultOptions Options => options.Value;

    public bool Chance(double rate)
    {
        if (rate <= 0)
            return false;
        lock (_lock)
            return _random.NextDouble() < rate;
    }

    public IReadOnlyList<T> MaybeReorder<T>(IReadOnlyList<T> items)
    {
        if (!options.Value.Reorder)
            return items;
        var copy = items.ToArray();
        lock (_lock)
            _random.Shuffle(copy);
        return copy;
    }
}
