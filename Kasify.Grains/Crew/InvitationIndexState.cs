using Kasify.Grains.Interfaces.Crew;

namespace Kasify.Grains.Crew;

[GenerateSerializer, Alias("Kasify.Grains.Crew.InvitationIndexState")]
internal sealed class InvitationIndexState
{
    [Id(0)]
    public InvitationTarget? Target { get; set; }
}
