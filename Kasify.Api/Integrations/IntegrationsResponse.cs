namespace Kasify.Api.Integrations;

/// <summary>The envelope of integration lists: <c>{"integrations": [...]}</c>, oldest first.</summary>
internal sealed record IntegrationsResponse(IReadOnlyList<IntegrationResponse> Integrations);
