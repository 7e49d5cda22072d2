using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Api.Integrations;

/// <summary>The registered <see cref="IIntegrationHandler"/>s, by slug (case-insensitive) and by type.</summary>
internal sealed class IntegrationHandlers
{
    private readonly Dictionary<string, IIntegrationHandler> _bySlug;
    private readonly Dictionary<IntegrationType, IIntegrationHandler> _byType;

    public IntegrationHandlers(IEnumerable<IIntegrationHandler> handlers)
    {
        All = [.. handlers];
        _bySlug = All.ToDictionary(handler => handler.Slug, StringComparer.OrdinalIgnoreCase);
        _byType = All.ToDictionary(handler => handler.Type);
    }

    /// <summary>Every handler, in registration order.</summary>
    public IReadOnlyList<IIntegrationHandler> All { get; }

    /// <summary>The handler of a path slug, or null for a type Kasify does not connect.</summary>
    public IIntegrationHandler? Find(string slug) => _bySlug.GetValueOrDefault(slug);

    /// <summary>The handler of a type, or null when the API has none (such integrations are left out of lists).</summary>
    public IIntegrationHandler? Find(IntegrationType type) => _byType.GetValueOrDefault(type);
}
