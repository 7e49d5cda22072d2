using System.Collections.Immutable;
using Kasify.Api.Errors;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Api.Crew;

/// <summary>Wire values of the PropertyMembers schemas; errors are keyed by the camelCase field names these schemas use.</summary>
internal static class CrewWire
{
    /// <summary>
    /// manager, staff or contractor in any case (the reference's UI values are MANAGER, STAFF, CONTRACTOR); owner is a field
    /// error, since nobody becomes owner through the team.
    /// </summary>
    public static AccessLevel? ParseAccessLevel(string? value, bool required, Dictionary<string, List<string>> errors)
    {
        if (value is null)
        {
            if (required)
            {
                Add(errors, "accessLevel", "Required: manager, staff or contractor.");
            }

            return null;
        }

        switch (value.Trim().ToLowerInvariant())
        {
            case "manager":
                return AccessLevel.Manager;
            case "staff":
                return AccessLevel.Staff;
            case "contractor":
                return AccessLevel.Contractor;
            default:
                Add(errors, "accessLevel", "One of: manager, staff, contractor.");
                return null;
        }
    }

    /// <summary>cleaning, maintenance, pool or gardening in any case; null stays null.</summary>
    public static CrewService? ParseService(string? value, Dictionary<string, List<string>> errors)
    {
        if (value is null)
        {
            return null;
        }

        switch (value.Trim().ToLowerInvariant())
        {
            case "cleaning":
                return CrewService.Cleaning;
            case "maintenance":
                return CrewService.Maintenance;
            case "pool":
                return CrewService.Pool;
            case "gardening":
                return CrewService.Gardening;
            default:
                Add(errors, "service", "One of: cleaning, maintenance, pool, gardening.");
                return null;
        }
    }

    public static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public static void ThrowIfAny(Dictionary<string, List<string>> errors)
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException(
                ProblemCodes.ValidationFailed,
                "The request has invalid fields.",
                errors.ToImmutableDictionary(entry => entry.Key, entry => entry.Value.ToArray()));
        }
    }
}
