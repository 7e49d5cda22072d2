namespace Kasify.Grains.Interfaces.SesReporting;

/// <summary>A registered guest as stored: the id and the encrypted identity data.</summary>
/// <param name="Id">The guest's id (also part of the encryption context).</param>
/// <param name="Protected">The encrypted identity data.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.SesReporting.EncryptedGuest")]
public sealed record EncryptedGuest(Guid Id, byte[] Protected);
