namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// A <c>persona</c> block. Guest registers need the document (adults), birth date and address; bookings only need the
/// names and one contact. <paramref name="SupportNumber"/> and <paramref name="Relationship"/> exist only in registers.
/// </summary>
/// <param name="Role">A <see cref="SesRole"/> code.</param>
/// <param name="FirstName">Given name (≤50).</param>
/// <param name="LastName1">First surname (≤50).</param>
/// <param name="LastName2">Second surname (≤50); required with a NIF.</param>
/// <param name="DocumentType">A <c>TIPO_DOCUMENTO</c> code; left out for a minor without a document.</param>
/// <param name="DocumentNumber">Document number (≤15).</param>
/// <param name="SupportNumber">Support number printed on a NIF or NIE card (≤9).</param>
/// <param name="BirthDate">Date of birth.</param>
/// <param name="Nationality">ISO 3166-1 alpha-3 code.</param>
/// <param name="Sex">A <c>SEXO</c> code.</param>
/// <param name="Address">Home address.</param>
/// <param name="Phone">Phone (≤20).</param>
/// <param name="Phone2">Second phone (≤20).</param>
/// <param name="Email">E-mail (≤250).</param>
/// <param name="Relationship">A <c>TIPO_PARENTESCO</c> code: the relation to the minor travelling with them.</param>
public sealed record SesPerson(
    string Role,
    string FirstName,
    string LastName1,
    string? LastName2 = null,
    string? DocumentType = null,
    string? DocumentNumber = null,
    string? SupportNumber = null,
    DateOnly? BirthDate = null,
    string? Nationality = null,
    string? Sex = null,
    SesAddress? Address = null,
    string? Phone = null,
    string? Phone2 = null,
    string? Email = null,
    string? Relationship = null);
