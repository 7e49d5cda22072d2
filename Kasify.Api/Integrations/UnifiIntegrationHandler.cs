using System.Text.Json;
using System.Text.RegularExpressions;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Api.Integrations;

/// <summary>UniFi Access integrations: slug <c>unifi</c>, body <see cref="UnifiIntegrationRequest"/>.</summary>
internal sealed partial class UnifiIntegrationHandler : IIntegrationHandler
{
    private const string UrlField = "url";

    public string Slug => "unifi";

    public IntegrationType Type => IntegrationType.Unifi;

    public Type RequestType => typeof(UnifiIntegrationRequest);

    public IntegrationSettings ReadSettings(JsonElement body, JsonSerializerOptions options)
    {
        var request = JsonBody.Read<UnifiIntegrationRequest>(body, options);
        var errors = new Dictionary<string, List<string>>();
        RequestValidationFilter.Collect(request, errors);
        Uri? url = null;
        if (!errors.ContainsKey(UrlField) && (url = ConsoleUrl(request.Url!.Trim())) is null)
        {
            errors[UrlField] = ["An absolute https URL of the console, e.g. https://192.168.1.1:12445 (no user, query or fragment)."];
        }

        RequestValidationFilter.ThrowIfAny(errors);
        var fingerprint = request.CertificateSha256?.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant();
        return new IntegrationSettings(request.Name!.Trim(), request.ApiToken!.Trim(), url, fingerprint);
    }

    public IntegrationResponse ToResponse(IntegrationDto integration) => new UnifiIntegrationResponse(
        integration.Id,
        integration.Name,
        integration.TokenHint,
        integration.Url,
        integration.CertificateSha256,
        integration.SmartLockCount,
        integration.CreatedAt,
        integration.UpdatedAt);

    /// <summary>
    /// The console's base URL, or null when the text is not one. The developer API listens on 12445, not on https' 443,
    /// so a URL without a port gets 12445; an explicit port (443 included) is kept.
    /// </summary>
    internal static Uri? ConsoleUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url)
            || url.Scheme != Uri.UriSchemeHttps
            || string.IsNullOrEmpty(url.Host)
            || !string.IsNullOrEmpty(url.UserInfo)
            || !string.IsNullOrEmpty(url.Query)
            || !string.IsNullOrEmpty(url.Fragment))
        {
            return null;
        }

        return ExplicitPort().IsMatch(text) ? url : new UriBuilder(url) { Port = IntegrationLimits.UnifiDefaultPort }.Uri;
    }

    // Uri reports 443 both for "https://host" and "https://host:443"; only the text tells them apart.
    [GeneratedRegex(@"^https://(?:\[[^\]]*\]|[^/:?#]*):\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitPort();
}
