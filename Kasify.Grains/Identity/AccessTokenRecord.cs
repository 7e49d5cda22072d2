namespace Kasify.Grains.Identity;

[GenerateSerializer, Alias("Kasify.Grains.Identity.AccessTokenRecord")]
internal sealed class AccessTokenRecord
{
    [Id(0)]
    public Guid Id { get; set; }

    [Id(1)]
    public string Name { get; set; } = "";

    [Id(2)]
    public string TokenPrefix { get; set; } = "";

    /// <summary>The index grain key (a hash); the raw token is never stored.</summary>
    [Id(3)]
    public string IndexKey { get; set; } = "";

    [Id(4)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(5)]
    public DateTimeOffset? ExpiresAt { get; set; }
}
