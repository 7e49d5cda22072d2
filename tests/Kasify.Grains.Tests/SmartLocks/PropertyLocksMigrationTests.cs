using Kasify.Grains.Bookings;
using Kasify.Grains.Interfaces.Rentals;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Rentals;
using Kasify.Grains.SmartLocks;
using Kasify.Grains.Tests.Bookings;
using Kasify.Grains.Tests.Rentals;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>A property row written before smart locks had a grain of their own: its locks move to the property locks grain.</summary>
public sealed class PropertyLocksMigrationTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private IGrainStorage Storage => fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Kasify);

    [Fact]
    public async Task LocksAndBookingWindowsOfAnOldPropertyRowMoveToTheLocksGrainAndLeaveTheRow()
    {
        var propertyId = Guid.NewGuid();
        var ownerId = Guid.NewGuid();
        var smartLockId = Guid.NewGuid();
        var bookingId = Guid.NewGuid();
        var integrationId = Guid.NewGuid();
        var stay = BookingRulesTests.Stay("2031-06-01", "2031-06-05");
        var property = fixture.Grains.GetGrain<IPropertyGrain>(propertyId);
        var old = new PropertyState
        {
            AccountId = Guid.NewGuid(),
            Details = PropertyGrainTests.Details(),
            Members = new() { [ownerId] = AccessLevel.Owner },
            Bookings = new() { [bookingId] = stay },
            BookingRevisions = new() { [bookingId] = 3 },
            SmartLocks = new() { [smartLockId] = new PropertySmartLock(integrationId, "18000000042") },
        };
        await Storage.WriteStateAsync("property", property.GetGrainId(), new GrainState<PropertyState>(old));

        // The locks grain takes the locks over when it activates, whoever calls first.
        await fixture.Grains.GetGrain<IPropertyLocksGrain>(propertyId).EnsureMigratedAsync();
        var locksRow = new GrainState<PropertyLocksState>(new PropertyLocksState());
        await Storage.ReadStateAsync("propertyLocks", fixture.Grains.GetGrain<IPropertyLocksGrain>(propertyId).GetGrainId(), locksRow);
        Assert.Equal(new PropertySmartLock(integrationId, "18000000042"), Assert.Single(locksRow.State!.SmartLocks).Value);
        var window = Assert.Single(locksRow.State.Bookings).Value;
        Assert.Equal((bookingId, 3L, true), (window.BookingId, window.Revision, window.Active));
        Assert.Equal(BookingRules.ArrivalAt(stay, PropertyRow.AccessOf(old).Schedule), window.ArrivalAt);

        // The property forgets them when it activates.
        Assert.NotNull(await property.GetAsync(ownerId));
        var propertyRow = new GrainState<PropertyState>(new PropertyState());
        await Storage.ReadStateAsync("property", property.GetGrainId(), propertyRow);
        Assert.Empty(propertyRow.State!.SmartLocks);
    }
}
