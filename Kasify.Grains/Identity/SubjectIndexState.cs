namespace Kasify.Grains.Identity;

[GenerateSerializer, Alias("Kasify.Grains.Identity.SubjectIndexState")]
internal sealed class SubjectIndexState
{
    [Id(0)]
    public Guid UserId { get; set; }

    [Id(1)]
    public Guid AccountId { get; set; }
}
