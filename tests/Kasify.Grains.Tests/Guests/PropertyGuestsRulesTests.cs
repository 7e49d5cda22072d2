using System.Security.Cryptography;
using System.Text;
using Kasify.Grains.Guests;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Guests;
using Kasify.Grains.Security;
using Kasify.Grains.Tests.Security;

namespace Kasify.Grains.Tests.Guests;

/// <summary>The guest index's keyed document hashes, search and revision order, without a cluster.</summary>
public sealed class PropertyGuestsRulesTests
{
    private static readonly KasifyEncryptionKey Old = SecretProtectorTests.NewKey("2025-01");
    private static readonly KasifyEncryptionKey Current = SecretProtectorTests.NewKey("2025-06");

    private static GuestDto Guest(string firstName, string lastName, string? secondLastName = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), firstName, lastName, secondLastName, "ESP", "NIF", "*****78Z", false, DateTimeOffset.UtcNow);

    [Fact]
    public void ADocumentHashIsKeyedAndIgnoresCaseAndBlanks()
    {
        var hasher = new AesGcmSecretProtector([Current]);

        var hash = PropertyGuestsRules.HashDocument(hasher, "12345678Z")!;

        Assert.Equal(hash, PropertyGuestsRules.HashDocument(hasher, " 12345678z "));
        Assert.StartsWith(Current.Id + ":", hash, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", hash, StringComparison.Ordinal);

        // Without the key, hashing every possible number finds nothing: the plain hash is not what is stored.
        Assert.DoesNotContain(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("12345678Z"))), hash, StringComparison.Ordinal);
        Assert.NotEqual(hash, PropertyGuestsRules.HashDocument(new AesGcmSecretProtector([SecretProtectorTests.NewKey(Current.Id)]), "12345678Z"));
        Assert.NotEqual(hash, PropertyGuestsRules.HashDocument(hasher, "12345678A"));
        Assert.Null(PropertyGuestsRules.HashDocument(hasher, null));
        Assert.Null(PropertyGuestsRules.HashDocument(hasher, " "));
    }

    [Fact]
    public void DifferentPurposesGiveUnrelatedHashes()
    {
        var hasher = new AesGcmSecretProtector([Current]);

        Assert.NotEqual(hasher.Hash("guest-document", "12345678Z"), hasher.Hash("other", "12345678Z"));
        Assert.Throws<ArgumentException>(() => hasher.Hash("", "12345678Z"));
    }

    [Fact]
    public void ANumberHashedBeforeAKeyRotationIsStillFound()
    {
        var before = PropertyGuestsRules.HashDocument(new AesGcmSecretProtector([Old]), "12345678Z");
        var rotated = new AesGcmSecretProtector([Current, Old]);
        var guest = new IndexedGuest(Guest("Lucía", "Martín"), before);

        Assert.Equal(1, PropertyGuestsRules.Find([guest], GuestQuery.Of("12345678z", rotated), 10).Total);
        Assert.Equal(0, PropertyGuestsRules.Find([guest], GuestQuery.Of("12345678z", new AesGcmSecretProtector([Current])), 10).Total);
    }

    [Fact]
    public void EveryWordMustMatchANamePartOrAWholeDocumentNumber()
    {
        var hasher = new AesGcmSecretProtector([Current]);
        var lucia = new IndexedGuest(Guest("Lucía", "Martín", "Ruiz"), PropertyGuestsRules.HashDocument(hasher, "12345678Z"));
        var anna = new IndexedGuest(Guest("Anna", "Schmidt"), PropertyGuestsRules.HashDocument(hasher, "C01X00T47"));
        var child = new IndexedGuest(Guest("Pablo", "Martín"), null);
        IndexedGuest[] guests = [lucia, anna, child];

        Assert.Equal(3, PropertyGuestsRules.Find(guests, GuestQuery.Of(null, hasher), 10).Total);
        Assert.Equal(3, PropertyGuestsRules.Find(guests, GuestQuery.Of("  ", hasher), 10).Total);
        Assert.Equal(2, PropertyGuestsRules.Find(guests, GuestQuery.Of("MARTIN", hasher), 10).Total);
        Assert.Equal(lucia.Guest, PropertyGuestsRules.Find(guests, GuestQuery.Of("luc ruiz", hasher), 10).First.Single());
        Assert.Equal(lucia.Guest, PropertyGuestsRules.Find(guests, GuestQuery.Of("martin 12345678Z", hasher), 10).First.Single());
        Assert.Equal(anna.Guest, PropertyGuestsRules.Find(guests, GuestQuery.Of("c01x00t47", hasher), 10).First.Single());
        foreach (var part in new[] { "1234", "5678Z", "C01X", "12345678Z C01X00T47" })
        {
            Assert.Equal(0, PropertyGuestsRules.Find(guests, GuestQuery.Of(part, hasher), 10).Total);
        }
    }

    [Fact]
    public void MatchesAreCountedWholeAndTheNewestAreReturnedFirst()
    {
        var hasher = new AesGcmSecretProtector([Current]);
        var start = DateTimeOffset.UtcNow;
        IndexedGuest[] guests = [.. Enumerable.Range(0, 5).Select(i => new IndexedGuest(Guest($"Guest{i}", "Pérez") with { RegisteredAt = start.AddMinutes(i) }, null))];

        var found = PropertyGuestsRules.Find(guests, GuestQuery.Of("perez", hasher), 2);

        Assert.Equal(5, found.Total);
        Assert.Equal(["Guest4", "Guest3"], found.First.Select(guest => guest.FirstName));
        Assert.Empty(PropertyGuestsRules.Find(guests, GuestQuery.Of(null, hasher), -1).First);
    }

    [Fact]
    public void OnlyANewerRevisionReplacesABookingsEntries()
    {
        var push = new BookingGuests(Guid.NewGuid(), 3, []);

        Assert.True(PropertyGuestsRules.IsNewer(push, null));
        Assert.True(PropertyGuestsRules.IsNewer(push, new GuestIndexEntry { Revision = 2 }));
        Assert.False(PropertyGuestsRules.IsNewer(push, new GuestIndexEntry { Revision = 3 }));
        Assert.False(PropertyGuestsRules.IsNewer(push, new GuestIndexEntry { Revision = 4 }));
    }
}
