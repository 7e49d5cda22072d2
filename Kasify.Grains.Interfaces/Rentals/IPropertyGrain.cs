using Kasify.Grains.Interfaces.Activity;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Rentals;

/// <summary>
/// A rental property: its details, cover image, members and roles (and, in <see cref="Crew.IPropertyCrewGrain"/>, its
/// invitations). Key: property id. Every call names the calling user; a caller with no role on the property gets
/// <c>property.not_found</c>, exactly as for a property that does not exist. After every change it pushes a new
/// <see cref="PropertyAccess"/> to the grains that serve the property's other concerns (its booking calendar, tasks
/// and locks), through a durable outbox; they never call it back.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Rentals.IPropertyGrain")]
public interface IPropertyGrain : IGrainWithGuidKey
{
    /// <summary>Creates the property in the caller's account with the caller as owner.</summary>
    [Alias("CreateAsync")]
    Task<PropertyDto> CreateAsync(Guid callerId, PropertyDetails details);

    /// <summary>The property as the caller sees it, or null when it does not exist or the caller has no role.</summary>
    [Alias("GetAsync")]
    Task<PropertyDto?> GetAsync(Guid callerId);

    /// <summary>Replaces every mutable field (owner or manager).</summary>
    [Alias("ReplaceAsync")]
    Task<PropertyDto> ReplaceAsync(Guid callerId, PropertyDetails details);

    /// <summary>Changes only the fields set in the patch (owner or manager).</summary>
    [Alias("PatchAsync")]
    Task<PropertyDto> PatchAsync(Guid callerId, PropertyPatch patch);

    /// <summary>Deletes the property and its cover image, and removes every member's role (owner only).</summary>
    [Alias("DeleteAsync")]
    Task DeleteAsync(Guid callerId);

    /// <summary>Stores a new cover image (owner or manager); the API has checked type and size.</summary>
    [Alias("SetCoverImageAsync")]
    Task<PropertyDto> SetCoverImageAsync(Guid callerId, string contentType, byte[] content);

    /// <summary>The cover image, or null when the property has none or the caller has no role.</summary>
    [Alias("GetCoverImageAsync")]
    Task<CoverImage?> GetCoverImageAsync(Guid callerId);

    /// <summary>Removes the cover image (owner or manager); removing a missing image is a no-op.</summary>
    [Alias("RemoveCoverImageAsync")]
    Task<PropertyDto> RemoveCoverImageAsync(Guid callerId);

    /// <summary>
    /// The property's activity feed as the caller may see it: its size and the newest <paramref name="limit"/> entries.
    /// Contractors see no booking events. Null when the caller has no role.
    /// </summary>
    [Alias("GetActivityAsync")]
    Task<PropertyActivity?> GetActivityAsync(Guid callerId, int limit);

    /// <summary>
    /// How many deliveries the outbox still owes: one while the newest access snapshot has not reached every grain
    /// serving the property, plus each invitation email not yet handed to its mail grain.
    /// </summary>
    [ReadOnly, Alias("GetUndeliveredCountAsync")]
    Task<int> GetUndeliveredCountAsync();
}
