using System.Text.Json;
using System.Text.Json.Serialization;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Crew;

namespace Kasify.Api.Crew;

/// <summary>
/// The PATCH body of a crew member: <c>{ "accessLevel": "staff", "service": "cleaning" }</c>, each optional but at least
/// one present; <c>"service": null</c> removes the service. The properties describe the body in the OpenAPI document;
/// <see cref="Read"/> reads the document itself, since an absent and a null <c>service</c> mean different things.
/// </summary>
internal sealed class UpdateCrewMemberRequest
{
    /// <summary>manager, staff or contractor (any case).</summary>
    [JsonPropertyName("accessLevel")]
    public string? AccessLevel { get; init; }

    /// <summary>cleaning, maintenance, pool or gardening; null removes the service.</summary>
    [JsonPropertyName("service")]
    public string? Service { get; init; }

    /// <summary>The grain command from the body; unknown fields and values that name nothing are 400 field errors.</summary>
    public static UpdateCrewMember Read(JsonElement body)
    {
        var errors = new Dictionary<string, List<string>>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            CrewWire.Add(errors, "body", "The request body must be a JSON object.");
            CrewWire.ThrowIfAny(errors);
        }

        Grains.Interfaces.Rentals.AccessLevel? level = null;
        var service = default(Patch<CrewService?>);
        foreach (var field in body.EnumerateObject())
        {
            switch (field.Name)
            {
                case "accessLevel" when field.Value.ValueKind == JsonValueKind.String:
                    level = CrewWire.ParseAccessLevel(field.Value.GetString(), required: true, errors);
                    break;
                case "accessLevel":
                    CrewWire.Add(errors, "accessLevel", "One of: manager, staff, contractor.");
                    break;
                case "service" when field.Value.ValueKind == JsonValueKind.Null:
                    service = Patch<CrewService?>.Set(null);
                    break;
                case "service" when field.Value.ValueKind == JsonValueKind.String:
                    service = Patch<CrewService?>.Set(CrewWire.ParseService(field.Value.GetString(), errors));
                    break;
                case "service":
                    CrewWire.Add(errors, "service", "One of: cleaning, maintenance, pool, gardening, or null.");
                    break;
                default:
                    CrewWire.Add(errors, field.Name, "Unknown field; a crew member has accessLevel and service.");
                    break;
            }
        }

        if (errors.Count == 0 && level is null && !service.IsSet)
        {
            CrewWire.Add(errors, "body", "Give accessLevel, service or both.");
        }

        CrewWire.ThrowIfAny(errors);
        return new UpdateCrewMember(level, service);
    }
}
