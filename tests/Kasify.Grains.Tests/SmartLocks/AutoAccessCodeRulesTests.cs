using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.SmartLocks;

namespace Kasify.Grains.Tests.SmartLocks;

public sealed class AutoAccessCodeRulesTests
{
    private static readonly DateTimeOffset Now = new(2030, 7, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lead = TimeSpan.FromDays(2);

    private static BookingChange Stay(double arrivesInDays, bool active = true, double nights = 2) => new(
        Guid.NewGuid(), 1, new DateOnly(2030, 7, 1), new DateOnly(2030, 7, 3), active, 2,
        Now + TimeSpan.FromDays(arrivesInDays), Now + TimeSpan.FromDays(arrivesInDays + nights));

    private static Dictionary<Guid, BookingChange> Of(params BookingChange[] stays) => stays.ToDictionary(stay => stay.BookingId);

    [Fact]
    public void StaysArrivingWithinTheLeadTimeAreDueEarliestFirst()
    {
        var later = Stay(1.5);
        var sooner = Stay(0.5);
        var exactlyAtLead = Stay(2);
        var beyond = Stay(2.01);

        var due = AutoAccessCodeRules.Due(Of(later, beyond, sooner, exactlyAtLead), new HashSet<Guid>(), Now, Lead);

        Assert.Equal([sooner.BookingId, later.BookingId, exactlyAtLead.BookingId], due.Select(stay => stay.BookingId));
    }

    [Fact]
    public void ServedCancelledAndDepartedStaysAreNeverDue()
    {
        var served = Stay(1);
        var cancelled = Stay(1, active: false);
        var departed = Stay(-3, nights: 2);
        var underway = Stay(-1, nights: 2);

        var due = AutoAccessCodeRules.Due(Of(served, cancelled, departed, underway), new HashSet<Guid> { served.BookingId }, Now, Lead);

        Assert.Equal([underway.BookingId], due.Select(stay => stay.BookingId));
    }

    [Fact]
    public void TheNextDueTimeIsTheEarliestArrivalMinusTheLead()
    {
        var stays = Of(Stay(10), Stay(5), Stay(30), Stay(3, active: false));

        Assert.Equal(Now + TimeSpan.FromDays(3), AutoAccessCodeRules.NextDueAt(stays, new HashSet<Guid>(), Now, Lead));
    }

    [Fact]
    public void AStayAlreadyOwedMakesTheNextDueTimePast()
    {
        var owed = Stay(1);

        Assert.Equal(Now - TimeSpan.FromDays(1), AutoAccessCodeRules.NextDueAt(Of(owed, Stay(9)), new HashSet<Guid>(), Now, Lead));
    }

    [Fact]
    public void NothingOwedHasNoNextDueTime()
    {
        var served = Stay(4);

        Assert.Null(AutoAccessCodeRules.NextDueAt(Of(served, Stay(1, active: false)), new HashSet<Guid> { served.BookingId }, Now, Lead));
        Assert.Null(AutoAccessCodeRules.NextDueAt(Of(), new HashSet<Guid>(), Now, Lead));
    }

    [Fact]
    public void TheReminderRetriesAnOwedStayAfterAPeriodAndWakesForALaterOneAtItsDueTimeWithinThirtyDays()
    {
        var retry = TimeSpan.FromMinutes(10);

        Assert.Equal(Now + retry, AutoAccessCodeRules.WakeAt(Now - TimeSpan.FromHours(1), Now, retry));
        Assert.Equal(Now + retry, AutoAccessCodeRules.WakeAt(Now, Now, retry));
        Assert.Equal(Now + TimeSpan.FromDays(3), AutoAccessCodeRules.WakeAt(Now + TimeSpan.FromDays(3), Now, retry));
        Assert.Equal(Now + TimeSpan.FromDays(30), AutoAccessCodeRules.WakeAt(Now + TimeSpan.FromDays(200), Now, retry));
    }
}
