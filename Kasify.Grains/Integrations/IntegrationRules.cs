using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Grains.Integrations;

/// <summary>Field rules shared by the integration types, one integration per type and account, the device limit, and the masked hint that stands in for a secret.</summary>
internal static class IntegrationRules
{
    public const int MaxNameLength = 100;
    public const int MaxTokenLength = 4096;

    /// <summary>
    /// Devices an integration keeps (they live in its one state row): of a vendor reporting more, the first ones in the
    /// vendor's order are kept and the listing says it is truncated.
    /// </summary>
    public const int MaxDevices = IntegrationDevices.MaxCount;

    /// <summary>The reference: each integration type is connected once per account.</summary>
    /// <exception cref="ConflictException"><c>integration.exists</c>: the account lists another integration of <paramref name="type"/>.</exception>
    public static void EnsureFirstOfType(IEnumerable<AccountIntegration> integrations, IntegrationType type)
    {
        if (integrations.Any(existing => existing.Type == type))
        {
            throw new ConflictException("integration.exists", "The account already has an integration of this type; update or delete it instead.");
        }
    }

    public static void ValidateCommon(IntegrationSettings settings, string tokenField)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Name) || settings.Name.Length > MaxNameLength)
        {
            throw new RequestValidationException("validation.failed", "name", $"The name is required and at most {MaxNameLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(settings.Token) || settings.Token.Length > MaxTokenLength || settings.Token.Any(char.IsWhiteSpace))
        {
            throw new RequestValidationException("validation.failed", tokenField, "The token is required, without spaces.");
        }
    }

    public static void ValidateConsoleUrl(Uri? url)
    {
        if (url is not { IsAbsoluteUri: true } || url.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(url.UserInfo))
        {
            throw new RequestValidationException("validation.failed", "url", "The console URL is an absolute https URL, e.g. https://192.168.1.1:12445.");
        }
    }

    public static void ValidateFingerprint(string? fingerprint)
    {
        if (fingerprint is null)
        {
            return;
        }

        var hex = fingerprint.Replace(":", "", StringComparison.Ordinal);
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new RequestValidationException("validation.failed", "certificate_sha256", "The certificate fingerprint is a SHA-256 hash: 64 hex digits, colons allowed.");
        }
    }

    /// <summary>The last four characters of a long secret behind dots; only dots for a short one, which four characters would give away.</summary>
    public static string Hint(string secret) => secret.Length >= 12 ? "••••" + secret[^4..] : "••••";
}
