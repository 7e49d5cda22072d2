namespace Kasify.Grains.Integrations.Ses;

/// <summary>One row (<c>tupla</c>) of a code table returned by <c>catalogo</c>.</summary>
/// <param name="Code">The value to send.</param>
/// <param name="Description">What it means.</param>
public sealed record SesCatalogEntry(string Code, string Description);
