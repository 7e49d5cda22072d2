namespace Kasify.Grains.CheckIn;

/// <summary>
/// A guest registered on a booking, as stored in the booking's state. Identity data (names, document, date of birth,
/// residence, contacts) lives only in <see cref="Protected"/>: the <see cref="ValidatedGuest"/> as JSON, encrypted with
/// the context <see cref="CheckinRules.ProtectionContext"/> (<c>guest:{bookingId}:{guestId}</c>). In clear are only what
/// needs no key to show: the id, when, whether a minor, and the masked document number the public snapshot shows anyway.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.CheckIn.RegisteredGuest")]
internal sealed class RegisteredGuest
{
    [Id(0)]
    public Guid Id { get; set; }

    [Id(1)]
    public DateTimeOffset RegisteredAt { get; set; }

    [Id(2)]
    public bool IsMinor { get; set; }

    [Id(3)]
    public string? DocumentNumberMasked { get; set; }

    [Id(4)]
    public byte[] Protected { get; set; } = [];
}
