namespace Kasify.Api.Integrations;

/// <summary>Registers the integration handlers, one per vendor the API connects.</summary>
internal static class IntegrationHandlerExtensions
{
    public static IServiceCollection AddIntegrationHandlers(this IServiceCollection services)
    {
        services.AddSingleton<IIntegrationHandler, NukiIntegrationHandler>();
        services.AddSingleton<IIntegrationHandler, UnifiIntegrationHandler>();
        services.AddSingleton<IIntegrationHandler, SesHospedajesIntegrationHandler>();
        services.AddSingleton<IntegrationHandlers>();
        return services;
    }
}
