namespace Kasify.Api.Hosting;

/// <summary>Endpoint metadata: the endpoint never calls a grain, so it is served while the cluster is unreachable.</summary>
internal sealed class WithoutClusterMetadata
{
    public static readonly WithoutClusterMetadata Instance = new();

    private WithoutClusterMetadata()
    {
    }
}
