namespace Kasify.Chaos.Setup;

/// <summary>
/// A property of the run with its owner's token, its locks and its IANA time zone. Bookings take its slots in turn:
/// slot n is <see cref="SlotNights"/> nights of their own, a year ahead, so bookings never overlap and no code window
/// starts during the run. Check-in bookings take single nights from <see cref="NearFirstNightOffset"/> days ahead, and
/// one stay per property ends during the run (its dates end today, so a second would overlap it).
/// </summary>
internal sealed class ChaosProperty(string id, string token, IReadOnlyList<ChaosLock> locks, DateOnly firstNight, string timeZone)
{
    public const int SlotNights = 6;

    /// <summary>Check-in stays start this many days from today: near enough to be the stays guests check in for.</summary>
    public const int NearFirstNightOffset = 2;

    private int _nextSlot = -1;
    private int _nextNearNight = -1;
    private int _expiringTaken;

    public string Id { get; } = id;

    public string Token { get; } = token;

    public IReadOnlyList<ChaosLock> Locks { get; } = locks;

    public string TimeZone { get; } = timeZone;

    /// <summary>The first night of a slot no booking has used.</summary>
    public DateOnly TakeSlot() => firstNight.AddDays(Interlocked.Increment(ref _nextSlot) * SlotNights);

    /// <summary>A night a few days ahead no check-in booking has used (counted from <paramref name="today"/>, the property's).</summary>
    public DateOnly TakeNearNight(DateOnly today) => today.AddDays(NearFirstNightOffset + Interlocked.Increment(ref _nextNearNight));

    /// <summary>Claims the property's one stay that ends during the run; false when it is taken.</summary>
    public bool TryTakeExpiring() => Interlocked.Exchange(ref _expiringTaken, 1) == 0;
}
