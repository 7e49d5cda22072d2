namespace Kasify.Grains.Identity;

[GenerateSerializer, Alias("Kasify.Grains.Identity.AccessTokenIndexState")]
internal sealed class AccessTokenIndexState
{
    [Id(0)]
    public Guid TokenId { get; set; }

    [Id(1)]
    public Guid UserId { get; set; }

    [Id(2)]
    public DateTimeOffset? ExpiresAt { get; set; }

    [Id(3)]
    public DateTimeOffset? LastUsedAt { get; set; }
}
