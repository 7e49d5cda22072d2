namespace Kasify.Fakes.Channels;

/// <summary>One request a feed received, with the validators and User-Agent the client sent and the status answered.</summary>
public sealed record ChannelFeedRequest(
    DateTimeOffset Time,
    string Method,
    string? IfNoneMatch,
    string? IfModifiedSince,
    string? UserAgent,
    int Status);
