namespace Kasify.Testing.Migration;

/// <summary>A task of the fixture.</summary>
public sealed record FixtureTask
{
    /// <summary>The task id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Its property (a <see cref="FixtureProperty.Key"/>).</summary>
    public required string PropertyKey { get; init; }

    /// <summary>The task type on the wire.</summary>
    public required string TaskType { get; init; }

    /// <summary>The status on the wire.</summary>
    public required string Status { get; init; }

    /// <summary>The public link's token.</summary>
    public required string PublicToken { get; init; }

    /// <summary>The assignee (a <see cref="FixtureUser.Key"/>), if any.</summary>
    public string? AssignedToKey { get; init; }

    /// <summary>The booking of an automatic cleaning task (a <see cref="FixtureBooking.Key"/>).</summary>
    public string? BookingKey { get; init; }
}
