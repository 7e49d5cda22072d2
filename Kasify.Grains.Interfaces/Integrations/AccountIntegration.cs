namespace Kasify.Grains.Interfaces.Integrations;

/// <summary>An entry of an account's integration list.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Integrations.AccountIntegration")]
public sealed record AccountIntegration(Guid Id, IntegrationType Type);
