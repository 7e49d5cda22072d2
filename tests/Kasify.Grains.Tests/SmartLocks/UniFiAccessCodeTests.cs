using Kasify.Fakes.UniFi;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// UniFi Access doors against the fake console over HTTPS with a pinned self-signed certificate: a booking's code is a
/// visitor with a PIN of the site's length on the door, moved with the booking and deleted on revocation.
/// </summary>
public sealed class UniFiAccessCodeTests(LockCluster cluster) : IClassFixture<LockCluster>
{
    private static readonly TimeSpan VendorWait = TimeSpan.FromSeconds(15);

    private IGrainFactory Grains => cluster.Grains;

    private UniFiFakeConsole Console => cluster.UniFi.Console;

    [Fact]
    public async Task ABadUniFiTokenIsInvalidCredentials()
    {
        var owner = await Grains.RegisterNewUserAsync();

        var error = await Assert.ThrowsAnyAsync<KasifyException>(() =>
            Grains.GetGrain<IIntegrationGrain>(Guid.NewGuid()).CreateAsync(owner.Id, IntegrationType.Unifi, Settings("not-a-token")));

        Assert.Equal("integration.invalid_credentials", error.Code);
    }

    [Fact]
    public async Task DoorsAreListedWithTheirFloors()
    {
        var (owner, integration) = await ConnectAsync();

        var devices = await Grains.GetGrain<IIntegrationGrain>(integration.Id).ListDevicesAsync(owner.Id, IntegrationType.Unifi);

        Assert.Equal(IntegrationStatus.Online, devices.Status);
        var main = devices.Devices.Single(d => d.ExternalId == UniFiFakeSeed.MainDoorId);
        Assert.Equal(("Main Door", UniFiFakeSeed.GroundFloorId, "1F", null), (main.Name, main.FloorId, main.FloorName, main.Assignment));
        Assert.Contains(devices.Devices, d => d.ExternalId == UniFiFakeSeed.ApartmentDoorId);
    }

    [Fact]
    public async Task ADoorGetsAVisitorPinOfTheSitesLengthThatFollowsTheBooking()
    {
        Console.PinLength = 8;
        var (owner, integration) = await ConnectAsync();
        Assert.DoesNotContain(UniFiFakeSeed.Token, integration.TokenHint, StringComparison.Ordinal);
        var property = Grains.GetGrain<IPropertyGrain>(Guid.NewGuid());
        await property.CreateAsync(owner.Id, PropertyGrainTests.Details());
        var door = await Grains.GetGrain<IPropertyLocksGrain>(property.GetPrimaryKey()).AddSmartLockAsync(owner.Id, new AssignSmartLock(integration.Id, UniFiFakeSeed.MainDoorId, "Portal"));
        Assert.Equal((IntegrationType.Unifi, UniFiFakeSeed.MainDoorId, "Portal"), (door.Provider, door.ExternalId, door.Name));
        var booking = await Grains.Bookings(property).CreateBookingAsync(owner.Id, LockStays.InSlot(0));

        var created = await Grains.GetGrain<IPropertyLocksGrain>(property.GetPrimaryKey()).CreateAccessCodesAsync(owner.Id, booking.Id);

        Assert.Empty(created.FailedSmartLocks);
        var code = Assert.Single(created.Codes);
        Assert.Matches("^[0-9]{8}$", code.Code);
        Assert.Equal((door.Id, booking.ArrivalAt, booking.DepartureAt), (code.SmartLockId, code.ValidFrom, code.ValidTo));
        await WaitForStatusAsync(property, owner, booking.Id, AccessCodeStatus.Active);
        var visitor = Assert.Single(Console.Visitors(), v => v.Pin == code.Code);
        Assert.Equal([UniFiFakeSeed.MainDoorId], visitor.DoorIds);
        Assert.Equal((booking.ArrivalAt.ToUnixTimeSeconds(), booking.DepartureAt.ToUnixTimeSeconds(), false), (visitor.StartTime, visitor.EndTime, visitor.Cancelled));
        Assert.Equal(code.Id, Assert.Single((await Grains.GetGrain<IPropertyLocksGrain>(property.GetPrimaryKey()).CreateAccessCodesAsync(owner.Id, booking.Id)).Codes).Id);

        var moved = await Grains.Bookings(property).UpdateBookingAsync(owner.Id, booking.Id, LockStays.MoveInSlot(0, 1));
        await Poll.UntilAsync(
            () => Console.Visitor(visitor.Id) is { } v && v.StartTime == moved.ArrivalAt.ToUnixTimeSeconds() && v.EndTime == moved.DepartureAt.ToUnixTimeSeconds(),
            VendorWait,
            "The visitor's window moving with the booking",
            () => Console.Visitor(visitor.Id)?.ToString() ?? "visitor gone");
        Assert.Equal(code.Code, Console.Visitor(visitor.Id)!.Pin);

        await Grains.GetGrain<IPropertyLocksGrain>(property.GetPrimaryKey()).RevokeAccessCodeAsync(owner.Id, booking.Id, code.Id);

        await Poll.UntilAsync(
            () => Console.Visitor(visitor.Id) is null,
            VendorWait,
            "The visitor being deleted on revocation",
            () => Console.Visitor(visitor.Id)?.ToString() ?? "visitor gone");
        Assert.DoesNotContain(Console.Visitors(), v => v.Pin == code.Code);
        await WaitForStatusAsync(property, owner, booking.Id, AccessCodeStatus.Revoked);
    }

    private async Task<(UserDto Owner, IntegrationDto Integration)> ConnectAsync()
    {
        var owner = await Grains.RegisterNewUserAsync();
        var integration = await Grains.GetGrain<IIntegrationGrain>(Guid.NewGuid()).CreateAsync(owner.Id, IntegrationType.Unifi, Settings(UniFiFakeSeed.Token));
        Assert.Equal((IntegrationType.Unifi, cluster.UniFi.BaseUrl), (integration.Type, integration.Url));
        return (owner, integration);
    }

    private IntegrationSettings Settings(string token) =>
        new("Office console", token, cluster.UniFi.BaseUrl, cluster.UniFi.CertificateFingerprint);

    private Task<BookingAccessCodes> WaitForStatusAsync(IPropertyGrain property, UserDto owner, Guid bookingId, AccessCodeStatus status) =>
        Poll.UntilAsync(
            () => Grains.GetGrain<IPropertyLocksGrain>(property.GetPrimaryKey()).GetAccessCodesAsync(owner.Id, bookingId),
            codes => codes.Codes.Length == 1 && codes.Codes[0].Status == status,
            VendorWait,
            $"The door's code becoming {status}",
            AccessCodeText.Describe);
}
