namespace Kasify.Grains.Channels;

/// <summary>Fetches a channel's iCal export (Airbnb, Booking.com, VRBO, …) from the URL a user gave.</summary>
internal interface IChannelFeedClient
{
    /// <summary>
    /// One conditional GET of <paramref name="url"/>, redirects followed, under the outbound policy. Every failure is
    /// returned as <see cref="ChannelFetchOutcome.Failed"/>; only the cancellation of <paramref name="cancellationToken"/> throws.
    /// </summary>
    /// <param name="url">The feed's URL; its query usually carries the channel's secret token, so it never appears in a result.</param>
    /// <param name="previous">The validators of the last fetched answer, sent as If-None-Match and If-Modified-Since.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    Task<ChannelFetchResult> FetchAsync(Uri url, ChannelFetchValidators? previous, CancellationToken cancellationToken);
}
