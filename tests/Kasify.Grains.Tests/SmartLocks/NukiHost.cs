using System.Collections.Immutable;
using System.Globalization;
using Kasify.Fakes.Nuki;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Tests.Identity;
using Kasify.Grains.Tests.Rentals;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// A host as a lock test needs one: a registered user with a Nuki account of their own at the fake (fresh token and
/// lock ids), a connected Nuki integration, and a property with some of those locks assigned. Grain references are
/// taken from the cluster on every call, so a host survives <see cref="LockCluster.RestartAsync"/>.
/// </summary>
internal sealed class NukiHost
{
    private static long _lastDeviceId = 19_000_000_000;

    private NukiHost(LockCluster cluster, UserDto owner, string token, IntegrationDto integration, Guid propertyId, ImmutableArray<NukiLock> locks)
    {
        Cluster = cluster;
        Owner = owner;
        Token = token;
        Integration = integration;
        PropertyId = propertyId;
        Locks = locks;
    }

    public LockCluster Cluster { get; }

    public UserDto Owner { get; }

    public string Token { get; }

    public IntegrationDto Integration { get; }

    public Guid PropertyId { get; }

    /// <summary>The assigned locks, in the order they were added.</summary>
    public ImmutableArray<NukiLock> Locks { get; }

    public IPropertyGrain Property => Cluster.Grains.GetGrain<IPropertyGrain>(PropertyId);

    public IPropertyLocksGrain PropertyLocks => Cluster.Grains.GetGrain<IPropertyLocksGrain>(PropertyId);

    /// <summary>The property's bookings and their check-in.</summary>
    public PropertyBookings Bookings => new(Cluster.Grains, PropertyId);

    public NukiFakeState Fake => Cluster.NukiFake;

    /// <summary>A Nuki smartlock id no other test uses.</summary>
    public static long NewDeviceId() => Interlocked.Increment(ref _lastDeviceId);

    /// <summary>A Nuki API token no other test uses.</summary>
    public static string NewToken() => "nuki-" + Guid.NewGuid().ToString("N");

    /// <summary>Registers a user, seeds <paramref name="lockCount"/> online locks with keypads at the fake, connects and assigns them.</summary>
    public static async Task<NukiHost> CreateAsync(LockCluster cluster, int lockCount)
    {
        var grains = cluster.Grains;
        var owner = await grains.RegisterNewUserAsync();
        var token = NewToken();
        cluster.NukiFake.AddAccount(token);
        var deviceIds = Enumerable.Range(0, lockCount).Select(_ => NewDeviceId()).ToList();
        for (var i = 0; i < deviceIds.Count; i++)
        {
            cluster.NukiFake.AddSmartlock(token, deviceIds[i], $"Door {i + 1}", batteryCharge: 80);
        }

        var integration = await grains.GetGrain<IIntegrationGrain>(Guid.NewGuid())
            .CreateAsync(owner.Id, IntegrationType.Nuki, new IntegrationSettings("Home locks", token));
        var propertyId = Guid.NewGuid();
        var property = grains.GetGrain<IPropertyGrain>(propertyId);
        await property.CreateAsync(owner.Id, PropertyGrainTests.Details());
        var locks = ImmutableArray.CreateBuilder<NukiLock>();
        foreach (var deviceId in deviceIds)
        {
            var smartLock = await grains.GetGrain<IPropertyLocksGrain>(propertyId).AddSmartLockAsync(owner.Id, new AssignSmartLock(integration.Id, ExternalId(deviceId), null));
            locks.Add(new NukiLock(deviceId, smartLock));
        }

        return new NukiHost(cluster, owner, token, integration, propertyId, locks.ToImmutable());
    }

    /// <summary>The id Kasify uses for a Nuki device.</summary>
    public static string ExternalId(long deviceId) => deviceId.ToString(CultureInfo.InvariantCulture);

    public long DeviceOf(Guid smartLockId) => Locks.Single(l => l.SmartLock.Id == smartLockId).DeviceId;

    public Task<BookingDto> BookAsync(BookingDetails details) => Bookings.CreateBookingAsync(Owner.Id, details);

    public Task<BookingDto> UpdateBookingAsync(Guid bookingId, BookingPatch patch) => Bookings.UpdateBookingAsync(Owner.Id, bookingId, patch);

    public Task<BookingAccessCodes> CreateCodesAsync(Guid bookingId) => PropertyLocks.CreateAccessCodesAsync(Owner.Id, bookingId);

    public Task<BookingAccessCodes> CodesAsync(Guid bookingId) => PropertyLocks.GetAccessCodesAsync(Owner.Id, bookingId);

    /// <summary>Waits until every code of the booking satisfies <paramref name="done"/> (and there are <paramref name="count"/> of them).</summary>
    public Task<BookingAccessCodes> WaitForCodesAsync(
        Guid bookingId, int count, Func<AccessCodeDto, bool> done, string what, TimeSpan? timeout = null) =>
        Poll.UntilAsync(
            () => CodesAsync(bookingId),
            codes => codes.Codes.Length == count && codes.Codes.All(done),
            timeout ?? TimeSpan.FromSeconds(15),
            what,
            AccessCodeText.Describe);
}
