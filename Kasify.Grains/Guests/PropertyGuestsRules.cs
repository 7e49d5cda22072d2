using Kasify.Grains.CheckIn;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Guests;
using Kasify.Grains.Security;

namespace Kasify.Grains.Guests;

/// <summary>The guest index's decisions and the summaries a booking pushes to it, free of Orleans.</summary>
internal static class PropertyGuestsRules
{
    // Persisted with every hash: never renamed.
    private const string DocumentPurpose = "guest-document";

    /// <summary>The associated data a stored summary is encrypted with: it belongs to this property, booking and guest only.</summary>
    public static string ProtectionContext(Guid propertyId, Guid bookingId, Guid guestId) => $"guest-index:{propertyId}:{bookingId}:{guestId}";

    /// <summary>
    /// The keyed hash of a document number under the current key, or null without one. Numbers are compared as the
    /// search always did: whole, ignoring case and surrounding blanks.
    /// </summary>
    public static string? HashDocument(IKeyedHasher hasher, string? documentNumber)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        return string.IsNullOrWhiteSpace(documentNumber) ? null : hasher.Hash(DocumentPurpose, Normalize(documentNumber));
    }

    /// <summary>The hashes a stored document number equal to <paramref name="word"/> can have, one per configured key.</summary>
    public static IReadOnlySet<string> DocumentHashes(IKeyedHasher hasher, string word)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        return hasher.HashesUnderEveryKey(DocumentPurpose, Normalize(word));
    }

    /// <summary>What a booking pushes to its property's guest index: every guest, listed as the guest list shows them.</summary>
    public static BookingGuests Summarize(
        Guid bookingId, Guid propertyId, long revision, IEnumerable<(RegisteredGuest Stored, ValidatedGuest Guest)> guests, IKeyedHasher hasher) =>
        new(bookingId, revision, [.. guests.Select(entry => new IndexedGuest(
            new GuestDto(
                entry.Stored.Id,
                bookingId,
                propertyId,
                entry.Guest.FirstName,
                entry.Guest.LastName,
                entry.Guest.SecondLastName,
                entry.Guest.NationalityCode,
                entry.Guest.DocumentType,
                entry.Stored.DocumentNumberMasked,
                entry.Stored.IsMinor,
                entry.Stored.RegisteredAt),
            HashDocument(hasher, entry.Guest.DocumentNumber)))]);

    /// <summary>Whether a push is newer than what the index holds of its booking.</summary>
    public static bool IsNewer(BookingGuests push, GuestIndexEntry? stored) => stored is null || push.Revision > stored.Revision;

    /// <summary>How many guests match, and the newest <paramref name="limit"/> of them, newest first.</summary>
    public static GuestMatches Find(IEnumerable<IndexedGuest> guests, GuestQuery query, int limit)
    {
        var found = guests.Where(entry => query.Matches(entry.Guest, entry.DocumentNumberHash)).Select(entry => entry.Guest).ToList();
        return new GuestMatches(found.Count, [.. CheckinView.NewestFirst(found).Take(Math.Max(0, limit))]);
    }

    private static string Normalize(string documentNumber) => documentNumber.Trim().ToUpperInvariant();
}
