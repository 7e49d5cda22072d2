namespace Kasify.Grains.Interfaces.Rentals;

/// <summary>A person's role on one property. Wire values: owner, manager, staff, contractor.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Rentals.AccessLevel")]
public enum AccessLevel
{
    /// <summary>Created the account; full control.</summary>
    Owner = 0,

    /// <summary>Trusted co-operator; sees guest data, most writes.</summary>
    Manager = 1,

    /// <summary>In-house crew; no guest personal data, task-scoped writes.</summary>
    Staff = 2,

    /// <summary>External crew; only tasks explicitly assigned.</summary>
    Contractor = 3,
}
