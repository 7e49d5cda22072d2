namespace Kasify.Chaos.Setup;

/// <summary>
/// A property of the run with its owner's token and its locks. Bookings take its slots in turn: slot n is
/// <see cref="SlotNights"/> nights of their own, a year ahead, so bookings never overlap and no code window starts
/// during the run.
/// </summary>
internal sealed class ChaosProperty(string id, string token, IReadOnlyList<ChaosLock> locks, DateOnly firstNight)
{
    public const int SlotNights = 6;

    private int _nextSlot = -1;

    public string Id { get; } = id;

    public string Token { get; } = token;

    public IReadOnlyList<ChaosLock> Locks { get; } = locks;

    /// <summary>The first night of a slot no booking has used.</summary>
    public DateOnly TakeSlot() => firstNight.AddDays(Interlocked.Increment(ref _nextSlot) * SlotNights);
}
