namespace Kasify.Api.Hosting;

/// <summary>Listens on <c>Kasify:DefaultUrls</c> (http://localhost:8080) unless addresses are configured the usual ways.</summary>
internal static class DefaultUrlExtensions
{
    private const string DefaultUrlsKey = "Kasify:DefaultUrls";
    private const string FallbackUrls = "http://localhost:8080";

    // A "urls" key in appsettings.json would outrank ASPNETCORE_URLS, so the default is applied only when nothing is set.
    public static WebApplicationBuilder UseKasifyDefaultUrls(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured)
        {
            builder.WebHost.UseUrls(configuration[DefaultUrlsKey] ?? FallbackUrls);
        }

        return builder;
    }
}
