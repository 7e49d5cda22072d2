namespace Kasify.Grains.Guests;

/// <summary>One booking's guests in the property's guest index, with the booking's revision of them.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Guests.GuestIndexEntry")]
internal sealed class GuestIndexEntry
{
    /// <summary>The revision of the push these guests came with; older pushes are ignored.</summary>
    [Id(0)]
    public long Revision { get; set; }

    [Id(1)]
    public List<StoredGuestSummary> Guests { get; set; } = [];
}
