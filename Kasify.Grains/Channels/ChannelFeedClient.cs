using System.Globalization;
using System.Net;
using System.Text;
using Kasify.Grains.Outbound;

namespace Kasify.Grains.Channels;

/// <summary>
/// Fetches channel feeds over a typed <see cref="HttpClient"/> whose handler comes from
/// <see cref="OutboundHandlerFactory"/>: feed URLs are user-chosen, so every connection, redirects included, reaches
/// only addresses the outbound policy allows. Redirects are followed here, hop by hop, so each hop is checked again.
/// One attempt per fetch, no retries: the grain fetches again on its next period, and retries inside
/// <see cref="ChannelFeedOptions.FetchTimeout"/> would only add load on a channel that is already failing.
/// </summary>
internal sealed class ChannelFeedClient(HttpClient http, ChannelFeedOptions options, TimeProvider time) : IChannelFeedClient
{
    private const string AcceptCalendar = "text/calendar, */*;q=0.5";

    public async Task<ChannelFetchResult> FetchAsync(Uri url, ChannelFetchValidators? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var timeout = new CancellationTokenSource(options.FetchTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await FollowAsync(url, previous, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's token: either the whole fetch ran out of time, or the handler's connect timeout fired.
            return timeout.IsCancellationRequested
                ? Failed("feed.timeout", $"The feed did not answer within {options.FetchTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} seconds.")
                : Failed("feed.unreachable", "The feed's server did not accept a connection in time.");
        }
    }

    private async Task<ChannelFetchResult> FollowAsync(Uri url, ChannelFetchValidators? previous, CancellationToken cancellationToken)
    {
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            if (!current.IsAbsoluteUri || (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps))
            {
                return Failed("feed.bad_scheme", redirects == 0
                    ? "A feed URL must start with http:// or https://."
                    : "The feed redirected to a URL that does not start with http:// or https://.");
            }

            using var request = Request(current, previous);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException e) when (IsRefused(e))
            {
                return Failed("feed.address_refused", $"{current.IdnHost} is, or resolves to, an address Kasify does not call.");
            }
            catch (HttpRequestException e)
            {
                return Failed("feed.unreachable", $"The feed at {Server(current)} could not be reached ({e.HttpRequestError}).");
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (IsRedirect(response.StatusCode))
                {
                    if (Location(response, current) is not { } next)
                    {
                        return Failed("feed.http_error", $"The feed answered {status} without a usable Location.", status);
                    }

                    if (redirects >= options.MaxRedirects)
                    {
                        return Failed("feed.too_many_redirects", $"The feed redirected more than {options.MaxRedirects} times.", status);
                    }

                    current = next;
                    continue;
                }

                // A 304 means something only as an answer to the validators sent.
                if (response.StatusCode == HttpStatusCode.NotModified && previous is not null)
                {
                    return new ChannelFetchResult(ChannelFetchOutcome.NotModified, null, previous, status, null, null);
                }

                return response.StatusCode == HttpStatusCode.OK
                    ? await ReadAsync(response, current, cancellationToken)
                    : Failed("feed.http_error", $"The feed answered {status}.", status);
            }
        }
    }

    private HttpRequestMessage Request(Uri url, ChannelFetchValidators? previous)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);

        // Without validation: the User-Agent is configured text, and an ETag is sent back exactly as the channel wrote it.
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", AcceptCalendar);
        if (previous?.ETag is { Length: > 0 } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        request.Headers.IfModifiedSince = previous?.LastModified;
        return request;
    }

    private async Task<ChannelFetchResult> ReadAsync(HttpResponseMessage response, Uri url, CancellationToken cancellationToken)
    {
        var cap = Math.Min(options.MaxFeedBytes, Array.MaxLength - 1);
        if (response.Content.Headers.ContentLength > cap)
        {
            return TooLarge(cap);
        }

        // Never more than cap + 1 bytes held: the extra byte is how a body longer than the cap is noticed.
        var buffer = new byte[Math.Min((response.Content.Headers.ContentLength ?? 64 * 1024) + 1, cap + 1)];
        var length = 0;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            while (true)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, cap + 1));
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > cap)
                {
                    return TooLarge(cap);
                }
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return Failed("feed.unreachable", $"The connection to {Server(url)} broke while the feed was read.", (int)response.StatusCode);
        }

        using var reader = new StreamReader(
            new MemoryStream(buffer, 0, length), Charset(response.Content.Headers.ContentType?.CharSet), detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return new ChannelFetchResult(ChannelFetchOutcome.Fetched, text, Validators(response), (int)response.StatusCode, null, null);
    }

    private static ChannelFetchValidators? Validators(HttpResponseMessage response)
    {
        // Taken unparsed: some channels send ETags without quotes, and they still match when sent back as they came.
        var etag = response.Headers.NonValidated.TryGetValues("ETag", out var values) ? values.ToString() : null;
        var lastModified = response.Content.Headers.LastModified;
        return etag is null && lastModified is null ? null : new ChannelFetchValidators(etag, lastModified);
    }

    private static Encoding Charset(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim().Trim('"'));
        }
        catch (ArgumentException)
        {
            // iCalendar is UTF-8 by default (RFC 5545 §3.1.4); an unknown label is most likely a mislabelled UTF-8 feed.
            return Encoding.UTF8;
        }
    }

    private static Uri? Location(HttpResponseMessage response, Uri current)
    {
        if (!response.Headers.NonValidated.TryGetValues("Location", out var values) || values.Count != 1)
        {
            return null;
        }

        // Resolved from the raw text: parsed alone, "/path" would be an absolute file URI on Unix.
        return Uri.TryCreate(current, values.ToString(), out var next) ? next : null;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsRefused(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is OutboundAddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }

    // Scheme, host and port only: channels put their secret tokens in the query, and some (VRBO) in the path.
    private static string Server(Uri url) => url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

    private static ChannelFetchResult TooLarge(long cap) =>
        Failed("feed.too_large", $"The feed is larger than the {cap.ToString(CultureInfo.InvariantCulture)} bytes Kasify reads.");

    private static ChannelFetchResult Failed(string code, string text, int? status = null) =>
        new(ChannelFetchOutcome.Failed, null, null, status, code, text);
}
