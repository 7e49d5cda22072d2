namespace Kasify.Grains.Tests.Storage;

/// <summary>State of <see cref="TickerGrain"/>.</summary>
public sealed class TickerState
{
    /// <summary>Reminder ticks received.</summary>
    public int Ticks { get; set; }
}
