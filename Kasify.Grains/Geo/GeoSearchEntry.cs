using System.Collections.Immutable;

namespace Kasify.Grains.Geo;

/// <summary>An item of the catalogue with the normalized codes and name forms it is found by.</summary>
internal sealed class GeoSearchEntry<T>
{
    private const int ExactMatch = 0;
    private const int StartsWith = 1;
    private const int WordStartsWith = 2;
    private const int EveryWordPrefixed = 3;

    private readonly ImmutableArray<string> _codes;
    private readonly ImmutableArray<string> _forms;
    private readonly ImmutableArray<string[]> _formWords;

    public GeoSearchEntry(T item, string name, IEnumerable<string> codes, ImmutableArray<string> forms)
    {
        Item = item;
        SortKey = GeoText.Normalize(name);
        _codes = [.. codes.Select(GeoText.Normalize)];
        _forms = forms;
        _formWords = [.. forms.Select(form => form.Split(' '))];
    }

    public T Item { get; }

    /// <summary>Alphabetical order of the display name, ignoring case and accents.</summary>
    public string SortKey { get; }

    /// <summary>The first code, the tie-break after <see cref="SortKey"/>.</summary>
    public string Code => _codes[0];

    /// <summary>
    /// How well the query matches, lower is better; null for no match. 0: a code or a name form equals the query;
    /// 1: a form starts with it; 2: a later word of a form starts with it; 3: every query word starts a word of one form.
    /// </summary>
    public int? Rank(GeoQuery query)
    {
        if (_codes.Contains(query.Text))
        {
            return ExactMatch;
        }

        int? best = null;
        for (var i = 0; i < _forms.Length && best != ExactMatch; i++)
        {
            if (Rank(_forms[i], _formWords[i], query) is { } rank && (best is null || rank < best))
            {
                best = rank;
            }
        }

        return best;
    }

    private static int? Rank(string form, string[] words, GeoQuery query)
    {
        if (form == query.Text)
        {
            return ExactMatch;
        }

        if (form.StartsWith(query.Text, StringComparison.Ordinal))
        {
            return StartsWith;
        }

        if (form.Contains(query.WordStart, StringComparison.Ordinal))
        {
            return WordStartsWith;
        }

        return query.Words.All(queryWord => words.Any(word => word.StartsWith(queryWord, StringComparison.Ordinal)))
            ? EveryWordPrefixed
            : null;
    }
}
