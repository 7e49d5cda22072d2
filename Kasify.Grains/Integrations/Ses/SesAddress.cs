namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// A <c>direccion</c> block. Spanish addresses (<paramref name="Country"/> <c>ESP</c>) carry the 5-digit INE
/// <paramref name="MunicipalityCode"/>; foreign ones carry <paramref name="MunicipalityName"/> instead.
/// </summary>
/// <param name="Street">Street, number and floor (≤100).</param>
/// <param name="Complement">Optional second address line (≤100).</param>
/// <param name="MunicipalityCode">INE code: 2 digits of province and 3 of municipality.</param>
/// <param name="MunicipalityName">Town name for foreign addresses (≤100).</param>
/// <param name="PostalCode">Always required (≤20).</param>
/// <param name="Country">ISO 3166-1 alpha-3 code.</param>
public sealed record SesAddress(
    string Street,
    string? Complement,
    string? MunicipalityCode,
    string? MunicipalityName,
    string PostalCode,
    string Country);
