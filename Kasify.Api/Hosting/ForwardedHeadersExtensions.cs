using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Kasify.Api.Hosting;

/// <summary>
/// Takes the client address from forwarded headers, but only when they come from a proxy named in
/// <see cref="KasifyProxyOptions"/>: rate limits are per client address, and a header anyone can send must not choose
/// whose budget a request spends.
/// </summary>
internal static class ForwardedHeadersExtensions
{
    public static IServiceCollection AddKasifyForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(KasifyProxyOptions.SectionName).Get<KasifyProxyOptions>() ?? new KasifyProxyOptions();
        var addresses = proxies.KnownProxies
            .Select(proxy => IPAddress.TryParse(proxy.Trim(), out var address) ? address : throw Invalid("KnownProxies", proxy))
            .ToList();
        var networks = proxies.KnownNetworks
            .Select(network => System.Net.IPNetwork.TryParse(network.Trim(), out var parsed) ? parsed : throw Invalid("KnownNetworks", network))
            .ToList();
        if (proxies.ForwardLimit < 1)
        {
            throw new InvalidOperationException($"{KasifyProxyOptions.SectionName}:ForwardLimit must be at least 1.");
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = proxies.ForwardLimit;

            // The defaults trust loopback; only what is configured is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            addresses.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>Reads forwarded headers first in the pipeline, when any proxy is trusted.</summary>
    public static IApplicationBuilder UseKasifyForwardedHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static InvalidOperationException Invalid(string setting, string text) =>
        new($"{KasifyProxyOptions.SectionName}:{setting} holds '{text}', which is not an address or network.");
}
