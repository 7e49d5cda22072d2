using System.Text.Json.Serialization;
using Kasify.Grains.Interfaces.Crew;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Api.Crew;

/// <summary>
/// PropertyMember, in camelCase like the other PropertyMembers schemas: the user, their profile name and email, access
/// level, service (staff and contractors) and when they joined.
/// </summary>
internal sealed record CrewMemberResponse(
    [property: JsonPropertyName("userId")] Guid UserId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("accessLevel")] AccessLevel AccessLevel,
    [property: JsonPropertyName("service")] CrewService? Service,
    [property: JsonPropertyName("joinedAt")] DateTimeOffset? JoinedAt)
{
    public static CrewMemberResponse From(CrewMemberDto member) =>
        new(member.UserId, member.Name, member.Email, member.AccessLevel, member.Service, member.JoinedAt);
}
