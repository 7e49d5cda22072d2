namespace Kasify.Testing.Migration;

/// <summary>A booking of the fixture.</summary>
public sealed record FixtureBooking
{
    /// <summary>The name the manifest uses for it.</summary>
    public required string Key { get; init; }

    /// <summary>The booking id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Its property (a <see cref="FixtureProperty.Key"/>).</summary>
    public required string PropertyKey { get; init; }

    /// <summary>First night.</summary>
    public required DateOnly From { get; init; }

    /// <summary>Departure day.</summary>
    public required DateOnly To { get; init; }

    /// <summary><c>confirmed</c> or <c>cancelled</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The channel on the wire (<c>airbnb</c>, <c>manual</c>, …).</summary>
    public required string Channel { get; init; }

    /// <summary>The public check-in code.</summary>
    public required string CheckinCode { get; init; }

    /// <summary>What the booking stands for in the fixture (<c>past</c>, <c>current</c>, <c>family_checkin</c>, …).</summary>
    public required IReadOnlyList<string> Traits { get; init; }
}
