using Kasify.Hosting.ClusterTls;
using Orleans.Configuration;

namespace Kasify.Api.Hosting;

/// <summary>Wires the Orleans client the API forwards every call through.</summary>
internal static class OrleansClientExtensions
{
    private const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Adds the Orleans client, with mutual TLS as <c>Kasify:Cluster:Tls</c> says (required in Postgres mode unless
    /// explicitly disabled), unless <c>Kasify:Orleans:Enabled</c> is false, in which case the caller registers
    /// <see cref="IClusterClient"/> and <see cref="IGrainFactory"/> itself.
    /// </summary>
    /// <exception cref="ClusterTlsConfigurationException">Postgres mode without TLS settings, or unusable certificate files.</exception>
    public static IHostApplicationBuilder AddKasifyOrleansClient(this IHostApplicationBuilder builder)
    {
        var orleans = builder.Configuration.GetSection(KasifyOrleansOptions.SectionName).Get<KasifyOrleansOptions>() ?? new();
        if (!orleans.Enabled)
        {
            builder.Services.AddSingleton(new ClusterConnection(isConnected: true));
            return builder;
        }

        var cluster = builder.Configuration.GetSection(KasifyClusterOptions.SectionName).Get<KasifyClusterOptions>() ?? new();
        var storage = builder.Configuration.GetSection(KasifyStorageOptions.SectionName).Get<KasifyStorageOptions>() ?? new();
        var hostedServicesBefore = builder.Services.Where(IsHostedService).ToList();
        builder.UseOrleansClient(client =>
        {
            ConfigureClustering(client, cluster, storage);
            client.UseKasifyClusterTls(cluster.Tls, clusterMode: storage.Mode == StorageMode.Postgres);
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = orleans.ResponseTimeout);
            client.UseConnectionRetryFilter<ClusterConnectionRetryFilter>();

            // Grain calls carry the request's trace context, so one trace spans the API request, grains and vendor calls.
            client.AddActivityPropagation();
        });

        // Orleans registers the client itself as the hosted service; it is swapped for one that starts it in the background.
        var clientServices = builder.Services.Where(IsHostedService).Except(hostedServicesBefore).ToList();
        if (clientServices is not [var clientService])
        {
            throw new InvalidOperationException($"Expected Orleans to register one hosted service, found {clientServices.Count}.");
        }

        builder.Services.Remove(clientService);
        builder.Services.AddSingleton(new ClusterConnection(isConnected: false));
        builder.Services.AddSingleton<IHostedService>(services => new ClusterClientConnector(
            (IHostedService)Resolve(clientService, services),
            services.GetRequiredService<ClusterConnection>(),
            services.GetRequiredService<ILogger<ClusterClientConnector>>()));
        return builder;
    }

    private static void ConfigureClustering(
        IClientBuilder client, KasifyClusterOptions cluster, KasifyStorageOptions storage)
    {
        switch (storage.Mode)
        {
            case StorageMode.Sqlite:
                client.UseLocalhostClustering(cluster.GatewayPort, KasifyOrleansOptions.ServiceId, cluster.ClusterId);
                break;

            case StorageMode.Postgres:
                if (string.IsNullOrWhiteSpace(storage.ConnectionString))
                {
                    throw new InvalidOperationException("Kasify:Storage:Mode is Postgres but Kasify:Storage:ConnectionString is not set.");
                }

                client.Configure<ClusterOptions>(options =>
                {
                    options.ServiceId = KasifyOrleansOptions.ServiceId;
                    options.ClusterId = cluster.ClusterId;
                });
                client.UseAdoNetClustering(options =>
                {
                    options.Invariant = PostgresInvariant;
                    options.ConnectionString = storage.ConnectionString;
                });
                break;

            default:
                throw new InvalidOperationException($"Unknown Kasify:Storage:Mode '{storage.Mode}'; expected Sqlite or Postgres.");
        }
    }

    private static bool IsHostedService(ServiceDescriptor descriptor) => descriptor.ServiceType == typeof(IHostedService);

    private static object Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.GetServiceOrCreateInstance(services, descriptor.ImplementationType!);
}
