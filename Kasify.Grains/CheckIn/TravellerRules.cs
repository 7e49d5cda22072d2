using Kasify.Grains.Interfaces.CheckIn;

namespace Kasify.Grains.CheckIn;

/// <summary>
/// The conditions SES.HOSPEDAJES sets on the people of a communication (ses-hospedajes.md §5 and §9, rules 3 to 8 and
/// 10), written once and independent of Orleans: a guest registration is checked with them (<see cref="GuestRules"/>), a
/// check-in completes only when its guests meet them (<see cref="CheckinRules.Missing"/>), every communication is checked
/// with them before it is sent (<c>SesValidator</c>), and the booking's SES grain tells data still missing from data the
/// Ministry refused with them. Two copies of these rules drifted once: check-in completed for families whose register
/// the pre-send check then refused.
/// </summary>
internal static class TravellerRules
{
    /// <summary>Spain's ISO 3166-1 alpha-3 code: the nationality of NIF holders, the country whose addresses carry INE codes.</summary>
    public const string Spain = "ESP";

    // The minors' relation to the party's only adult → the adult's relation to them, where one gives the other beyond
    // doubt. Codes that would make the minor the elder (PM, AB, TI…) or that say nothing definite (OT, TU…) give nothing.
    private static readonly Dictionary<string, string> AdultRelationshipTo = new(StringComparer.Ordinal)
    {
        [GuestRelationship.Child] = GuestRelationship.Parent,
        [GuestRelationship.Grandchild] = GuestRelationship.Grandparent,
        [GuestRelationship.GreatGrandchild] = GuestRelationship.GreatGrandparent,
        [GuestRelationship.NephewOrNiece] = GuestRelationship.UncleOrAunt,
        [GuestRelationship.Sibling] = GuestRelationship.Sibling,
    };

    /// <summary>Rule 3: an adult (18 or over on the arrival date) gives an identity document, its type and its number.</summary>
    public static bool NeedsDocument(bool isMinor) => !isMinor;

    /// <summary>Rule 4: a NIF or NIE carries the support number printed on the card.</summary>
    public static bool NeedsSupportNumber(string? documentType) => GuestDocumentType.NeedsSupportNumber(documentType);

    /// <summary>Rule 5: a NIF holder gives the second surname.</summary>
    public static bool NeedsSecondLastName(string? documentType) => documentType == GuestDocumentType.Nif;

    /// <summary>Rule 5: a NIF is held by Spanish nationals only; an unknown nationality is not held against it.</summary>
    public static bool DocumentFitsNationality(string? documentType, string? nationality) =>
        documentType != GuestDocumentType.Nif || nationality is null || nationality == Spain;

    /// <summary>Rule 6: everyone can be reached through at least one of <paramref name="channels"/> (phones, email).</summary>
    public static bool HasContact(params string?[] channels) => channels.Any(channel => !string.IsNullOrWhiteSpace(channel));

    /// <summary>Rule 7: an address in Spain names its municipality by INE code; elsewhere by name.</summary>
    public static bool NeedsMunicipalityCode(string? country) => country == Spain;

    /// <summary>Rule 8: when a minor travels, at least one adult says how they relate to the minor.</summary>
    public static bool OwesRelationship(IReadOnlyList<Traveller> party) =>
        party.Any(person => person.IsMinor) && !party.Any(person => !person.IsMinor && !string.IsNullOrWhiteSpace(person.Relationship));

    /// <summary>Rule 10: the documents (type and number) that more than one person of the party carries.</summary>
    public static IReadOnlyList<(string? Type, string Number)> DuplicateDocuments(IEnumerable<Traveller> party) =>
        [.. party
            .Where(person => !string.IsNullOrWhiteSpace(person.DocumentNumber))
            .GroupBy(person => (Type: person.DocumentType, Number: person.DocumentNumber!))
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)];

    /// <summary>
    /// The relationship the party's only adult has to its minors, where the minors' own codes leave no doubt: every
    /// minor declares the same relation, and it has one clear counterpart (children <c>HJ</c> make the adult <c>PM</c>,
    /// grandchildren <c>NI</c> make them <c>AB</c>). Null when the adult gave one, when there are several adults or none,
    /// or when anything would be a guess.
    /// </summary>
    public static string? DerivedAdultRelationship(IReadOnlyList<Traveller> party)
    {
        var adults = party.Where(person => !person.IsMinor).ToList();
        if (adults is not [var adult] || !string.IsNullOrWhiteSpace(adult.Relationship))
        {
            return null;
        }

        var counterparts = party
            .Where(person => person.IsMinor)
            .Select(minor => minor.Relationship is { } code && AdultRelationshipTo.TryGetValue(code, out var counterpart) ? counterpart : null)
            .Distinct()
            .ToList();
        return counterparts is [{ } relationship] ? relationship : null;
    }

    /// <summary>The party as it is reported: with <see cref="DerivedAdultRelationship"/> on its only adult where there is one.</summary>
    public static IReadOnlyList<Traveller> WithDerivedRelationships(IReadOnlyList<Traveller> party) =>
        DerivedAdultRelationship(party) is { } derived
            ? [.. party.Select(person => person.IsMinor ? person : person with { Relationship = derived })]
            : party;
}
