using Kasify.Grains.Interfaces.CheckIn;

namespace Kasify.Api.CheckIn;

/// <summary>
/// One item of a check-in snapshot's <c>missing_data</c>: which registered guest (<c>guest_id</c>) still has to give
/// which registration field (<c>field</c>), with a stable rule code (<c>code</c>, such as
/// <c>checkin.adult_relationship_required</c>) and a text for people (<c>message</c>). The guest gives it by correcting
/// their registration with <c>PUT /checkin/{code}/guests/{guest_id}</c>; where several guests are listed for the same
/// code, one answer is enough.
/// </summary>
internal sealed record CheckinRequirementResponse(Guid GuestId, string Field, string Code, string Message)
{
    public static CheckinRequirementResponse Of(CheckinRequirement requirement) =>
        new(requirement.GuestId, requirement.Field, requirement.Code, requirement.Message);
}
