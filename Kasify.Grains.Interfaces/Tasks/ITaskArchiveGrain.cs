using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>
/// The index entries of one property's finished tasks whose window ended in one year, long ago, moved out of the
/// property tasks grain so its row stays bounded. Key: the property id with the year as the key extension ("2024"); see
/// <see cref="TaskArchiveKeys"/>. Only the property's tasks grain calls it; it calls nobody.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Tasks.ITaskArchiveGrain")]
public interface ITaskArchiveGrain : IGrainWithGuidCompoundKey
{
    /// <summary>Stores the entries; an entry already held is replaced, so adding again is harmless.</summary>
    [Alias("AddAsync")]
    Task AddAsync(ImmutableArray<ArchivedTask> tasks);

    /// <summary>Every entry held.</summary>
    [ReadOnly, Alias("GetAllAsync")]
    Task<ImmutableArray<ArchivedTask>> GetAllAsync();

    /// <summary>The entries held of the given tasks; the others are left out.</summary>
    [ReadOnly, Alias("GetAsync")]
    Task<ImmutableArray<ArchivedTask>> GetAsync(ImmutableArray<Guid> taskIds);

    /// <summary>The automatic cleaning tasks held of the given bookings.</summary>
    [ReadOnly, Alias("GetForBookingsAsync")]
    Task<ImmutableArray<ArchivedTask>> GetForBookingsAsync(ImmutableArray<Guid> bookingIds);

    /// <summary>Drops the entries of the given tasks (the index holds them again); unknown ids are ignored.</summary>
    [Alias("RemoveAsync")]
    Task RemoveAsync(ImmutableArray<Guid> taskIds);

    /// <summary>Deletes every entry and the stored row (the property is being deleted).</summary>
    [Alias("EraseAsync")]
    Task EraseAsync();
}
