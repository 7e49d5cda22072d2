namespace Kasify.Grains.Integrations.Ses;

/// <summary>A <c>pago</c> block; only <paramref name="Type"/> is required.</summary>
/// <param name="Type">A <see cref="SesPaymentType"/> code.</param>
/// <param name="Date">When it was paid.</param>
/// <param name="Method">Card type and masked number, IBAN, phone… (≤50); never a full card number.</param>
/// <param name="Holder">Payer's name (≤100).</param>
/// <param name="CardExpiry">Card expiry as <c>MM/yyyy</c>.</param>
public sealed record SesPayment(
    string Type,
    DateOnly? Date = null,
    string? Method = null,
    string? Holder = null,
    string? CardExpiry = null);
