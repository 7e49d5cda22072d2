namespace Kasify.Testing.Migration;

/// <summary>An access code of a booking on one of the property's locks.</summary>
public sealed record FixtureAccessCode
{
    /// <summary>Its booking (a <see cref="FixtureBooking.Key"/>).</summary>
    public required string BookingKey { get; init; }

    /// <summary>The code id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The property's lock record it is on.</summary>
    public required Guid SmartlockId { get; init; }

    /// <summary>The PIN.</summary>
    public required string Pin { get; init; }

    /// <summary>The status on the wire (<c>active</c>, <c>revoked</c>, …).</summary>
    public required string Status { get; init; }
}
