using System.Text.Json.Serialization;
using Kasify.Api.Common;
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

    /// <summary>
    /// The grain command from the body, read as a merge patch (so the wire rules, duplicate keys and unknown fields are
    /// handled as in every patch); values that name nothing are 400 field errors.
    /// </summary>
    public static UpdateCrewMember Read(MergePatchDocument document)
    {
        var level = document.Read<string>("accessLevel");
        var service = document.Read<string>("service");
        document.EnsureValid();

        var errors = new Dictionary<string, List<string>>();
        var command = new UpdateCrewMember(
            level.IsSet ? CrewWire.ParseAccessLevel(level.Value, required: true, errors) : null,
            service.IsSet ? Patch<CrewService?>.Set(CrewWire.ParseService(service.Value, errors)) : default);
        if (errors.Count == 0 && !level.IsSet && !service.IsSet)
        {
            CrewWire.Add(errors, "body", "Give accessLevel, service or both.");
        }

        CrewWire.ThrowIfAny(errors);
        return command;
    }
}
