namespace Kasify.Grains.Channels;

/// <summary>What one feed fetch gave.</summary>
/// <param name="Outcome">How the fetch ended.</param>
/// <param name="Text">The decoded body when <see cref="ChannelFetchOutcome.Fetched"/>, otherwise null.</param>
/// <param name="Validators">
/// The validators to send next time: the new ones when fetched, the ones sent when not modified, null when failed.
/// </param>
/// <param name="StatusCode">The HTTP status of the last answer, when there was one.</param>
/// <param name="ProblemCode">
/// When failed: <c>feed.bad_scheme</c>, <c>feed.address_refused</c>, <c>feed.too_many_redirects</c>, <c>feed.too_large</c>,
/// <c>feed.timeout</c>, <c>feed.http_error</c> or <c>feed.unreachable</c>.
/// </param>
/// <param name="ProblemText">When failed, a sentence for the host; it never contains the URL's query, where channels put secret tokens.</param>
public sealed record ChannelFetchResult(
    ChannelFetchOutcome Outcome,
    string? Text,
    ChannelFetchValidators? Validators,
    int? StatusCode,
    string? ProblemCode,
    string? ProblemText);
