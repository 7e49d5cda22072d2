namespace Kasify.Grains.Channels;

[GenerateSerializer, Alias("Kasify.Grains.Channels.ChannelExportTokenState")]
internal sealed class ChannelExportTokenState
{
    [Id(0)]
    public Guid? PropertyId { get; set; }
}
