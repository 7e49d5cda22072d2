using Kasify.Fakes.UniFi;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// A UniFi door as a digital twin of the console's visitors, against the fake console over HTTPS: a visitor deleted at
/// the console is created again with the guest's PIN, a changed window is set back, a cancelled one replaced, a
/// Kasify-named visitor on the door that no code claims is removed, and everyone else's visitors stay. Each test uses
/// a door of its own, since every lock compares the console's visitors of its door.
/// </summary>
public sealed class UniFiDigitalTwinTests(LockCluster cluster) : IClassFixture<LockCluster>
{
    private static readonly TimeSpan TickWait = TimeSpan.FromSeconds(15);

    private UniFiFakeConsole Console => cluster.UniFi.Console;

    [Fact]
    public async Task ADeletedVisitorIsCreatedAgainAndAChangedWindowIsSetBack()
    {
        var (_, door, code) = await ActiveCodeAsync();
        var visitor = Assert.Single(Console.Visitors(), v => v.Pin == code.Code);

        Assert.True(Console.RemoveVisitor(visitor.Id));
        var again = await Poll.UntilAsync(
            () => Task.FromResult(Console.Visitors().SingleOrDefault(v => v.Pin == code.Code)),
            v => v is not null && HasWindow(v, code),
            TickWait,
            "The visitor created again",
            v => v?.ToString() ?? "none");
        Assert.NotEqual(visitor.Id, again!.Id);
        Assert.Equal([door], again.DoorIds);

        Assert.True(Console.EditVisitor(again.Id, endTime: code.ValidTo.AddDays(2).ToUnixTimeSeconds()));
        await Poll.UntilAsync(
            () => Console.Visitor(again.Id) is { } moved && HasWindow(moved, code),
            TickWait,
            "The booking's window back on the visitor",
            () => Console.Visitor(again.Id)?.ToString() ?? "gone");
        Assert.Equal(code.Code, Console.Visitor(again.Id)!.Pin);
    }

    [Fact]
    public async Task ACancelledVisitorIsReplacedWithTheSamePin()
    {
        var (_, _, code) = await ActiveCodeAsync();
        var visitor = Assert.Single(Console.Visitors(), v => v.Pin == code.Code);

        Assert.True(Console.EditVisitor(visitor.Id, cancelled: true));

        var replaced = await Poll.UntilAsync(
            () => Task.FromResult(Console.Visitors().SingleOrDefault(v => v.Pin == code.Code && !v.Cancelled)),
            v => v is not null && HasWindow(v, code),
            TickWait,
            "A live visitor with the guest's PIN",
            v => string.Join("; ", Console.Visitors()));
        Assert.NotEqual(visitor.Id, replaced!.Id);
        Assert.Null(Console.Visitor(visitor.Id));
    }

    [Fact]
    public async Task AStrayKasifyVisitorOnTheDoorIsRemovedAndOtherVisitorsStay()
    {
        var (smartLock, door, code) = await ActiveCodeAsync();
        var otherDoor = Console.AddDoors(1)[0].Id;
        var (from, to) = (code.ValidFrom.ToUnixTimeSeconds(), code.ValidTo.ToUnixTimeSeconds());
        var stray = Console.AddVisitor("Kasify", "KSF-0123456789ab", door, from, to, "135792");
        var guest = Console.AddVisitor("Ana", "Garcia", door, from, to, "246813");
        var elsewhere = Console.AddVisitor("Kasify", "KSF-ba9876543210", otherDoor, from, to, "357924");

        await Poll.UntilAsync(() => Console.Visitor(stray.Id) is null, TickWait, "The stray visitor removed", () => string.Join("; ", Console.Visitors()));

        var check = await cluster.Grains.GetGrain<ISmartLockGrain>(smartLock).VerifyCodesAsync(code.BookingId);
        Assert.Equal((true, 1), (check.DeviceRead, check.ForeignCodes));
        Assert.True(Assert.Single(check.Codes).OnDevice);
        Assert.Equal(guest, Console.Visitor(guest.Id));
        Assert.Equal(elsewhere, Console.Visitor(elsewhere.Id));
        Assert.Single(Console.Visitors(), v => v.Pin == code.Code);
    }

    private static bool HasWindow(UniFiFakeVisitor visitor, AccessCodeDto code) =>
        visitor.StartTime == code.ValidFrom.ToUnixTimeSeconds() && visitor.EndTime == code.ValidTo.ToUnixTimeSeconds() && !visitor.Cancelled;

    private async Task<(Guid SmartLock, string Door, AccessCodeDto Code)> ActiveCodeAsync()
    {
        var grains = cluster.Grains;
        var owner = await grains.RegisterNewUserAsync();
        var integration = await grains.GetGrain<IIntegrationGrain>(Guid.NewGuid()).CreateAsync(
            owner.Id, IntegrationType.Unifi, new IntegrationSettings("Office console", UniFiFakeSeed.Token, cluster.UniFi.BaseUrl, cluster.UniFi.CertificateFingerprint));
        var door = Console.AddDoors(1)[0].Id;
        var property = grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await property.CreateAsync(owner.Id, PropertyGrainTests.Details());
        var locks = grains.GetGrain<IPropertyLocksGrain>(property.GetPrimaryKey());
        var smartLock = await locks.AddSmartLockAsync(owner.Id, new AssignSmartLock(integration.Id, door, "Portal"));
        var booking = await grains.Bookings(property).CreateBookingAsync(owner.Id, LockStays.InSlot(0));
        await locks.CreateAccessCodesAsync(owner.Id, booking.Id);
        var active = await Poll.UntilAsync(
            () => locks.GetAccessCodesAsync(owner.Id, booking.Id),
            codes => codes.Codes is [{ Status: AccessCodeStatus.Active }],
            TickWait,
            "The door's code becoming active",
            AccessCodeText.Describe);
        return (smartLock.Id, door, active.Codes[0]);
    }
}
