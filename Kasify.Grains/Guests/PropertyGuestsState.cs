namespace Kasify.Grains.Guests;

[GenerateSerializer, Alias("Kasify.Grains.Guests.PropertyGuestsState")]
internal sealed class PropertyGuestsState
{
    /// <summary>Each booking's guests as last pushed, by booking id.</summary>
    [Id(0)]
    public Dictionary<Guid, GuestIndexEntry> Bookings { get; set; } = [];
}
