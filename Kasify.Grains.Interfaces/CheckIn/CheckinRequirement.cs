namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>
/// Something a registered guest still has to give before the check-in completes: the police register (SES.HOSPEDAJES)
/// cannot be sent without it. The guest gives it by correcting their registration
/// (<c>PUT /checkin/{code}/guests/{guestId}</c>). Where one of several guests can give it (an adult's relationship to
/// the minors), each of them is listed and one answer is enough.
/// </summary>
/// <param name="GuestId">The registered guest who can give it.</param>
/// <param name="Field">The registration field, snake_case as in <c>GuestRegistrationRequest</c> (<c>relationship_code</c>).</param>
/// <param name="Code">A stable rule code of <see cref="GuestRuleCodes"/> (<c>checkin.adult_relationship_required</c>).</param>
/// <param name="Message">What to do, for people.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.CheckIn.CheckinRequirement")]
public sealed record CheckinRequirement(Guid GuestId, string Field, string Code, string Message);
