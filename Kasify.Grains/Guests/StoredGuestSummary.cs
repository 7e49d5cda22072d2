namespace Kasify.Grains.Guests;

/// <summary>
/// A guest in the stored guest index. What the list shows (names, nationality, document type and masked number) is
/// personal data and lives only in <see cref="Protected"/>: the guest's <c>GuestDto</c> as JSON, encrypted like the
/// booking's guests with the context <see cref="PropertyGuestsRules.ProtectionContext"/>. The document number itself is
/// never stored, only its keyed hash.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.Guests.StoredGuestSummary")]
internal sealed class StoredGuestSummary
{
    [Id(0)]
    public Guid Id { get; set; }

    /// <summary>The keyed hash of the normalized document number (<see cref="PropertyGuestsRules.HashDocument"/>), if any.</summary>
    [Id(1)]
    public string? DocumentNumberHash { get; set; }

    [Id(2)]
    public byte[] Protected { get; set; } = [];
}
