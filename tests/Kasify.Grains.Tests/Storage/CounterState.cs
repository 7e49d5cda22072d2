namespace Kasify.Grains.Tests.Storage;

/// <summary>State of <see cref="CounterGrain"/>.</summary>
public sealed class CounterState
{
    /// <summary>The counter.</summary>
    public int Value { get; set; }
}
