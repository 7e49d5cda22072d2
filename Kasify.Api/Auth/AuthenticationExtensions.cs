using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Kasify.Api.Auth;

/// <summary>Bearer authentication (OIDC JWTs and personal access tokens) and the authorization policies.</summary>
internal static class AuthenticationExtensions
{
    /// <summary>
    /// Every endpoint requires an authenticated caller unless it opts out with <c>AllowAnonymous()</c>;
    /// <see cref="KasifyPolicies.Admin"/> guards the administrator endpoints.
    /// </summary>
    public static IServiceCollection AddKasifyAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        JwtSettingsCheck.EnsureUsable(configuration, environment);
        services.AddAuthentication(KasifyAuthSchemes.Default)
            .AddPolicyScheme(KasifyAuthSchemes.Default, "Bearer token", options => options.ForwardDefaultSelector = context =>
                BearerToken.Read(context.Request) is { } token && BearerToken.IsPersonalAccessToken(token)
                    ? KasifyAuthSchemes.PersonalAccessToken
                    : KasifyAuthSchemes.Jwt)
            .AddJwtBearer(KasifyAuthSchemes.Jwt, options =>
            {
                // Issuer, audiences, keys and authority come from Authentication:Schemes:Bearer; these checks are the
                // library's defaults, stated so that no setting can quietly turn them off.
                options.MapInboundClaims = false;
                options.TokenValidationParameters.ValidateIssuer = true;
                options.TokenValidationParameters.ValidateAudience = true;
                options.TokenValidationParameters.ValidateLifetime = true;
                options.TokenValidationParameters.RequireExpirationTime = true;
                options.TokenValidationParameters.RequireSignedTokens = true;
                options.EventsType = typeof(KasifyJwtBearerEvents);
            })
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(KasifyAuthSchemes.PersonalAccessToken, displayName: null, _ => { });

        services.AddSingleton<KasifyJwtBearerEvents>();
        services.AddSingleton<ValidatedJwtCache>();
        services.AddSingleton<RecentlyValidAccessTokens>();
        services.Configure<KasifyAuthOptions>(configuration.GetSection(KasifyAuthOptions.SectionName));
        services.AddSingleton<IAuthorizationHandler, AdminAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, KasifyAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(KasifyPolicies.Admin, policy => policy.RequireAuthenticatedUser().AddRequirements(new AdminRequirement()));
        return services;
    }
}
