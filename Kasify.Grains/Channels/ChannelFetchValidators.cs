namespace Kasify.Grains.Channels;

/// <summary>What a feed answered as its ETag and Last-Modified, for the next conditional request.</summary>
/// <param name="ETag">The ETag header as sent (weak or strong), or null.</param>
/// <param name="LastModified">The Last-Modified header, or null.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Channels.ChannelFetchValidators")]
public sealed record ChannelFetchValidators(string? ETag, DateTimeOffset? LastModified);
