namespace Kasify.Api.Auth;

/// <summary>
/// Refuses to start a host outside Development whose JWT settings would accept tokens meant for someone else: it
/// needs at least one audience, and an issuer it can verify (the OIDC authority, or an explicit issuer with its signing
/// keys for a provider without discovery).
/// </summary>
internal static class JwtSettingsCheck
{
    private const string Section = "Authentication:Schemes:" + KasifyAuthSchemes.Jwt;

    /// <summary>The problems with the settings in <paramref name="configuration"/>; empty when they are usable.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var bearer = configuration.GetSection(Section);
        var problems = new List<string>();
        var audiences = Values(bearer.GetSection("ValidAudiences")).Append(bearer["ValidAudience"]).Where(HasText).ToList();
        if (audiences.Count == 0)
        {
            problems.Add($"set {Section}:ValidAudiences to the API's audience (e.g. its public URL as registered with the identity provider)");
        }

        var hasAuthority = HasText(bearer["Authority"]);
        var hasIssuer = HasText(bearer["ValidIssuer"]) || Values(bearer.GetSection("ValidIssuers")).Any(HasText);
        var hasKeys = bearer.GetSection("SigningKeys").GetChildren().Any(key => HasText(key["Value"]));
        if (!hasAuthority && !(hasIssuer && hasKeys))
        {
            problems.Add($"set {Section}:Authority to the OIDC provider's URL (e.g. https://<tenant>.kinde.com)");
        }

        return problems;
    }

    /// <summary>Throws with every problem listed when the host is not Development and its JWT settings are not usable.</summary>
    public static void EnsureUsable(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        var problems = Problems(configuration);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Kasify.Api will not start in {environment.EnvironmentName} with these JWT settings: {string.Join("; ", problems)}.");
        }
    }

    private static IEnumerable<string?> Values(IConfigurationSection section) => section.GetChildren().Select(child => child.Value);

    private static bool HasText(string? value) => !string.IsNullOrWhiteSpace(value);
}
