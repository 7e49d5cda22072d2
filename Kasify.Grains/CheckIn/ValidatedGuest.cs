namespace Kasify.Grains.CheckIn;

/// <summary>
/// A guest registration that passed <see cref="GuestRules.Validate"/>, normalised for storage and for the
/// SES.HOSPEDAJES message: strings trimmed, codes upper case, countries ISO 3166-1 alpha-3, a Spanish residence resolved
/// to its INE codes. It holds identity data: store it only through <c>ISecretProtector</c>.
/// </summary>
/// <param name="FirstName"><c>nombre</c>.</param>
/// <param name="LastName"><c>apellido1</c>.</param>
/// <param name="SecondLastName"><c>apellido2</c>; always present with a NIF.</param>
/// <param name="Sex"><c>sexo</c>: H, M or O.</param>
/// <param name="DateOfBirth"><c>fechaNacimiento</c>.</param>
/// <param name="NationalityCode"><c>nacionalidad</c>: alpha-3 (<c>ESP</c>).</param>
/// <param name="DocumentType"><c>tipoDocumento</c>: NIF, NIE, PAS or OTRO; null for a minor without a document.</param>
/// <param name="DocumentNumber"><c>numeroDocumento</c>: upper case, without spaces, dots or hyphens; null with no document.</param>
/// <param name="DocumentSupportNumber"><c>soporteDocumento</c>: upper case; always present with a NIF or NIE.</param>
/// <param name="ResidenceAddress"><c>direccion/direccion</c>.</param>
/// <param name="ResidenceCountryCode"><c>direccion/pais</c>: alpha-3.</param>
/// <param name="ResidenceProvinceId">Id of the Spanish province of residence; null outside Spain.</param>
/// <param name="ResidenceProvinceCode">Two-digit INE code of that province; null outside Spain.</param>
/// <param name="ResidenceCityId">Id of the Spanish municipality of residence; null outside Spain.</param>
/// <param name="ResidenceMunicipalityCode"><c>direccion/codigoMunicipio</c>: five-digit INE code; null outside Spain.</param>
/// <param name="ResidenceCity">
/// <c>direccion/nombreMunicipio</c> outside Spain (the guest's text); in Spain the INE name of the municipality.
/// </param>
/// <param name="ResidencePostalCode"><c>direccion/codigoPostal</c>, upper case.</param>
/// <param name="PhonePrefix">International dialling code (<c>+34</c>); null when not given or when there is no phone.</param>
/// <param name="Phone">Digits only; null when not given.</param>
/// <param name="Email"><c>correo</c>; null when not given.</param>
/// <param name="RelationshipCode"><c>parentesco</c>; always present for a minor.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.CheckIn.ValidatedGuest")]
internal sealed record ValidatedGuest(
    string FirstName,
    string LastName,
    string? SecondLastName,
    string Sex,
    DateOnly DateOfBirth,
    string NationalityCode,
    string? DocumentType,
    string? DocumentNumber,
    string? DocumentSupportNumber,
    string ResidenceAddress,
    string ResidenceCountryCode,
    Guid? ResidenceProvinceId,
    string? ResidenceProvinceCode,
    Guid? ResidenceCityId,
    string? ResidenceMunicipalityCode,
    string ResidenceCity,
    string ResidencePostalCode,
    string? PhonePrefix,
    string? Phone,
    string? Email,
    string? RelationshipCode)
{
    /// <summary><c>telefono</c> as SES.HOSPEDAJES receives it: prefix and digits (<c>+34600111222</c>), at most 20 characters.</summary>
    public string? SesPhone() => Phone is null ? null : PhonePrefix + Phone;
}
