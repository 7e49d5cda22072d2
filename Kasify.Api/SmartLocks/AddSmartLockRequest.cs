using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Api.SmartLocks;

/// <summary>
/// Assigns a vendor device to a property: the integration, and the device as exactly one of <c>smartlock_id</c> (Nuki's
/// numeric id), <c>door_id</c> (a UniFi Access door) or the generic <c>external_id</c>; optionally a display name (the
/// vendor's name otherwise).
/// </summary>
internal sealed class AddSmartLockRequest : IValidatableRequest, IValidatableObject
{
    /// <summary>The integration (uuid) that reaches the device.</summary>
    [Required]
    public Guid? IntegrationId { get; init; }

    /// <summary>A Nuki lock's <c>smartlock_id</c>, as listed by <c>GET /integrations/nuki/{id}/smartlocks</c>.</summary>
    [Range(1, long.MaxValue)]
    public long? SmartlockId { get; init; }

    /// <summary>A UniFi Access door's <c>door_id</c>, as listed by <c>GET /integrations/unifi/{id}/smartlocks</c>.</summary>
    [MaxLength(SmartLockLimits.ExternalIdLength)]
    public string? DoorId { get; init; }

    /// <summary>The vendor's id of the device, whatever the vendor.</summary>
    [MaxLength(SmartLockLimits.ExternalIdLength)]
    public string? ExternalId { get; init; }

    /// <summary>How the lock is shown at the property, at most 100 characters.</summary>
    [MaxLength(SmartLockLimits.NameLength)]
    public string? Name { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var given = new[] { (nameof(SmartlockId), SmartlockId is not null), (nameof(DoorId), !string.IsNullOrWhiteSpace(DoorId)), (nameof(ExternalId), !string.IsNullOrWhiteSpace(ExternalId)) }
            .Where(field => field.Item2)
            .Select(field => field.Item1)
            .ToList();
        if (given.Count != 1)
        {
            yield return new ValidationResult(
                "Give exactly one of smartlock_id (Nuki), door_id (UniFi Access) or external_id.",
                given.Count == 0 ? [nameof(ExternalId)] : given);
        }

        if (Name is not null && string.IsNullOrWhiteSpace(Name))
        {
            yield return new ValidationResult("A name, or leave it out to use the vendor's.", [nameof(Name)]);
        }
    }

    public AssignSmartLock ToCommand() => new(
        IntegrationId!.Value,
        SmartlockId?.ToString(CultureInfo.InvariantCulture) ?? (string.IsNullOrWhiteSpace(DoorId) ? ExternalId! : DoorId).Trim(),
        Name?.Trim());
}
