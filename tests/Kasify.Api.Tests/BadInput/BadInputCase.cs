using System.Net.Http.Headers;

namespace Kasify.Api.Tests.BadInput;

/// <summary>
/// One request of the bad-input sweep: what it tries, the raw request (the URL already percent-encoded, the body as raw
/// bytes, so invalid UTF-8 and duplicate keys reach the server as written), and whether the API must refuse it (4xx).
/// </summary>
internal sealed record BadInputCase(string Description, HttpMethod Method, string Url, byte[]? Body, string? ContentType, bool MustReject)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(Method, Url);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            request.Content.Headers.ContentType = ContentType is null ? null : MediaTypeHeaderValue.Parse(ContentType);
        }

        return request;
    }

    public override string ToString() => $"{Method} {Shorten(Url)} [{Description}]";

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
