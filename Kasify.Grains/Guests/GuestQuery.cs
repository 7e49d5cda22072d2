using System.Collections.Immutable;
using Kasify.Grains.CheckIn;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Security;

namespace Kasify.Grains.Guests;

/// <summary>
/// A guest list search: every word must be found in part of a name (case- and accent-insensitively) or be a whole
/// document number. The index holds only keyed hashes of document numbers, so each word is hashed (under every
/// configured key) once per query and compared with them; a part of a number hashes to something else and finds nothing.
/// </summary>
internal sealed class GuestQuery
{
    private readonly ImmutableArray<(string Word, IReadOnlySet<string> DocumentHashes)> _words;

    private GuestQuery(ImmutableArray<(string Word, IReadOnlySet<string> DocumentHashes)> words) => _words = words;

    /// <summary>The query for <paramref name="text"/>; a blank text matches every guest.</summary>
    public static GuestQuery Of(string? text, IKeyedHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var words = string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new([.. words.Select(word => (word, PropertyGuestsRules.DocumentHashes(hasher, word)))]);
    }

    /// <summary>Whether the guest, whose document number hashes to <paramref name="documentNumberHash"/>, matches.</summary>
    public bool Matches(GuestDto guest, string? documentNumberHash) => _words.All(entry =>
        (documentNumberHash is not null && entry.DocumentHashes.Contains(documentNumberHash))
        || CheckinRules.Matches(entry.Word, null, guest.FirstName, guest.LastName, guest.SecondLastName));
}
