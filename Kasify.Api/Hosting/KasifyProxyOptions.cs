namespace Kasify.Api.Hosting;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed, bound from
/// <c>Kasify:Proxies</c>. With none configured the headers are ignored and the connection's address is the client's.
/// </summary>
internal sealed class KasifyProxyOptions
{
    public const string SectionName = "Kasify:Proxies";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];

    /// <summary>How many trusted proxies a request may have passed through, i.e. how many forwarded entries are read.</summary>
    public int ForwardLimit { get; set; } = 1;
}
