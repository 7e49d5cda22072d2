using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Rentals;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Kasify.Grains.Rentals;

/// <summary>
/// Reads a property's stored row without activating (or calling) the property grain. The grains that serve one of a
/// property's concerns start from it when they activate: the access snapshot as last written, and, once, whatever of
/// theirs a property row written before the split still holds. The property writes its row before it pushes a change,
/// so what is read here is never older than a push already received.
/// </summary>
internal sealed class PropertyRow(IServiceProvider services, IGrainFactory grains)
{
    private const string StateName = "property";

    /// <summary>The stored state, or null when the property was never created or has been deleted.</summary>
    public async Task<PropertyState?> ReadAsync(Guid propertyId)
    {
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Kasify);
        var row = new GrainState<PropertyState>(new PropertyState());
        await storage.ReadStateAsync(StateName, grains.GetGrain<IPropertyGrain>(propertyId).GetGrainId(), row);
        return row.RecordExists && row.State is { Details: not null } stored ? stored : null;
    }

    /// <summary>The access snapshot a stored state describes.</summary>
    public static PropertyAccess AccessOf(PropertyState state) => new(
        state.AccessVersion,
        state.AccountId,
        state.Deleted,
        state.Details,
        state.Members.ToImmutableDictionary(),
        state.MemberServices.ToImmutableDictionary());
}
