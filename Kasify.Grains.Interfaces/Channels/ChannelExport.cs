namespace Kasify.Grains.Interfaces.Channels;

/// <summary>A property's export calendar as served.</summary>
/// <param name="Text">The iCal text.</param>
/// <param name="ETag">A strong validator of the text.</param>
/// <param name="LastModified">When the exported nights last changed.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Channels.ChannelExport")]
public sealed record ChannelExport(string Text, string ETag, DateTimeOffset LastModified);
