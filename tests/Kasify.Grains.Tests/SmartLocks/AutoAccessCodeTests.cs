using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.SmartLocks;
using Kasify.Grains.Tests.Bookings;
using Kasify.Grains.Tests.Rentals;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// A property with <c>auto_access_codes</c> on gives each stay its code on every lock by itself, the lead time (two days,
/// the default) before arrival: at once for a stay that is that close, by the reminder for one that gets that close,
/// never for stays further away, blocks, or while the setting is off; and again after a silo restart.
/// </summary>
public sealed class AutoAccessCodeTests(LockCluster cluster) : IClassFixture<LockCluster>
{
    private static readonly TimeSpan VendorWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Lead = new SmartLockOptions().AutoCodeLeadTime;
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById(PropertyLimits.DefaultTimeZone);

    [Fact]
    public async Task AStayArrivingWithinTheLeadTimeGetsItsCodeOnEveryLockWithoutAsking()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 2);
        await SetAutoCodesAsync(host, true);

        var booking = await host.BookAsync(ArrivingIn(TimeSpan.FromDays(1)));

        var codes = await host.WaitForCodesAsync(booking.Id, 2, c => c.Status == AccessCodeStatus.Active, "Both automatic codes becoming active", VendorWait);
        Assert.All(codes.Codes, code =>
        {
            Assert.Equal((booking.ArrivalAt, booking.DepartureAt), (code.ValidFrom, code.ValidTo));
            Assert.True(cluster.NukiFake.Holds(host.DeviceOf(code.SmartLockId), code), cluster.NukiFake.Describe(host.DeviceOf(code.SmartLockId)));
        });
    }

    [Fact]
    public async Task AStayFurtherAwayGetsNoCodeUntilItMovesWithinTheLeadTime()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        await SetAutoCodesAsync(host, true);
        var far = await host.BookAsync(LockStays.InSlot(0));

        // A stay served after the far one was booked shows the grain has looked at both.
        var near = await host.BookAsync(ArrivingIn(TimeSpan.FromDays(1)));
        await host.WaitForCodesAsync(near.Id, 1, c => c.Status == AccessCodeStatus.Active, "The near stay's code", VendorWait);
        Assert.Empty((await host.CodesAsync(far.Id)).Codes);

        var moved = ArrivingIn(TimeSpan.Zero, nights: 1); // today, leaving the day the near stay arrives
        await host.UpdateBookingAsync(far.Id, Patches.Empty with { From = Patch<DateOnly?>.Set(moved.From), To = Patch<DateOnly?>.Set(moved.To) });

        var codes = await host.WaitForCodesAsync(far.Id, 1, c => c.Status == AccessCodeStatus.Active, "The moved stay's code", VendorWait);
        Assert.Equal(moved.From, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(codes.Codes[0].ValidFrom, Madrid).DateTime));
    }

    [Fact]
    public async Task AStayGetsItsCodeWhenItsArrivalComesWithinTheLeadTime()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        await SetAutoCodesAsync(host, true);
        var details = ArrivingAt(DateTimeOffset.UtcNow + Lead + TimeSpan.FromSeconds(6));

        var booking = await host.BookAsync(details);
        await cluster.Grains.BookingsSettledAsync(host.PropertyId);
        Assert.True(DateTimeOffset.UtcNow < booking.ArrivalAt - Lead, "The booking was settled after its codes were already due; the test means nothing.");
        Assert.Empty((await host.CodesAsync(booking.Id)).Codes);

        var codes = await host.WaitForCodesAsync(booking.Id, 1, c => c.Status == AccessCodeStatus.Active, "The code placed at the lead time", VendorWait);
        Assert.Equal(booking.ArrivalAt, codes.Codes[0].ValidFrom);
    }

    [Fact]
    public async Task NothingIsPlacedWhileTheSettingIsOffAndUpcomingStaysGetTheirCodesOnceItIsOn()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        var booking = await host.BookAsync(ArrivingIn(TimeSpan.FromDays(1)));
        var block = await host.BookAsync(ArrivingIn(TimeSpan.FromDays(1), nights: 1, after: booking.Details.To) with { Status = BookingStatus.Blocked });
        await cluster.Grains.BookingsSettledAsync(host.PropertyId);
        Assert.Empty((await host.CodesAsync(booking.Id)).Codes);

        await SetAutoCodesAsync(host, true);

        await host.WaitForCodesAsync(booking.Id, 1, c => c.Status == AccessCodeStatus.Active, "The upcoming stay's code once the setting is on", VendorWait);
        Assert.Empty((await host.CodesAsync(block.Id)).Codes);
        Assert.Single(cluster.NukiFake.CodesOn(host.Locks[0].DeviceId));
    }

    [Fact]
    public async Task AStayOwedItsCodeStillGetsItAfterASiloRestart()
    {
        var host = await NukiHost.CreateAsync(cluster, lockCount: 1);
        await SetAutoCodesAsync(host, true);
        var booking = await host.BookAsync(ArrivingAt(DateTimeOffset.UtcNow + Lead + TimeSpan.FromSeconds(8)));
        await cluster.Grains.BookingsSettledAsync(host.PropertyId);

        await cluster.RestartAsync();

        var codes = await host.WaitForCodesAsync(booking.Id, 1, c => c.Status == AccessCodeStatus.Active, "The code placed after the restart", VendorWait);
        Assert.Single(cluster.NukiFake.CodesOn(host.Locks[0].DeviceId));
        Assert.Equal(booking.ArrivalAt, codes.Codes[0].ValidFrom);
    }

    private static async Task SetAutoCodesAsync(NukiHost host, bool on)
    {
        var patch = new PropertyPatch(default, default, default, default, default, default, default, default, default, default, Patch<bool?>.Set(on));
        var property = await host.Property.PatchAsync(host.Owner.Id, patch);
        Assert.Equal(on, property.AutoAccessCodes);
        await host.Cluster.Grains.PropertySettledAsync(host.PropertyId); // the locks grain learns the setting from the property's outbox
    }

    // A stay of two nights whose arrival, at the property's check-in time, is about `from now` away.
    private static BookingDetails ArrivingIn(TimeSpan fromNow, int nights = 2, DateOnly? after = null)
    {
        var day = after ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow + fromNow, Madrid).DateTime);
        return BookingRulesTests.Stay("2031-03-01", "2031-03-03") with { From = day, To = day.AddDays(nights) };
    }

    // A stay arriving at `arrival` (to the second, as the property's local date and arrival time).
    private static BookingDetails ArrivingAt(DateTimeOffset arrival)
    {
        var local = TimeZoneInfo.ConvertTime(arrival, Madrid);
        local = local.AddTicks(TimeSpan.TicksPerSecond - (local.Ticks % TimeSpan.TicksPerSecond));
        var day = DateOnly.FromDateTime(local.DateTime);
        return BookingRulesTests.Stay("2031-03-01", "2031-03-03") with { From = day, To = day.AddDays(2), ArrivalTime = TimeOnly.FromDateTime(local.DateTime) };
    }
}
