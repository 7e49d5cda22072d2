namespace Kasify.Grains.Bookings;

[GenerateSerializer, Alias("Kasify.Grains.Bookings.CheckinCodeIndexState")]
internal sealed class CheckinCodeIndexState
{
    [Id(0)]
    public Guid BookingId { get; set; }
}
