namespace Kasify.Api.Integrations;

/// <summary>A Nuki Web API integration (<c>type: nuki</c>).</summary>
internal sealed record NukiIntegrationResponse(
    Guid Id,
    string Name,
    string TokenHint,
    int SmartlockCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
    : IntegrationResponse(Id, Name, TokenHint, SmartlockCount, CreatedAt, UpdatedAt);
