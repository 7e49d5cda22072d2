namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>Orders shared by a property's guest list and the list across properties, so both order alike.</summary>
public static class CheckinView
{
    /// <summary>Newest registration first; ties by id.</summary>
    public static IEnumerable<GuestDto> NewestFirst(IEnumerable<GuestDto> guests) =>
        guests.OrderByDescending(guest => guest.RegisteredAt).ThenBy(guest => guest.Id);
}
