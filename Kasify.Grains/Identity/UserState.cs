using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Grains.Identity;

[GenerateSerializer, Alias("Kasify.Grains.Identity.UserState")]
internal sealed class UserState
{
    [Id(0)]
    public Guid AccountId { get; set; }

    [Id(1)]
    public string? Email { get; set; }

    [Id(2)]
    public string? FirstName { get; set; }

    [Id(3)]
    public string? LastName { get; set; }

    [Id(4)]
    public string? Phone { get; set; }

    [Id(5)]
    public string Locale { get; set; } = "en";

    [Id(6)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(7)]
    public List<AccessTokenRecord> Tokens { get; set; } = [];

    [Id(8)]
    public Dictionary<Guid, AccessLevel> Memberships { get; set; } = [];
}
