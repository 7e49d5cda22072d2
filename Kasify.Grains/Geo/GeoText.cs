using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Kasify.Grains.Geo;

/// <summary>How names and queries are compared: folded to a search form, and the forms a name is found by.</summary>
internal static class GeoText
{
    // The articles the INE moves behind a comma ("Coruña, A", "Palmas, Las", "Alfàs del Pi, l'", "Useres, les"), in
    // Spanish, Catalan/Valencian, Balearic and Galician. A comma before anything else is part of the name
    // ("Saus, Camallera i Llampaies").
    private static readonly FrozenSet<string> Articles = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "el", "la", "los", "las", "lo", "l'", "els", "les", "es", "sa", "ses", "o", "a", "os", "as");

    /// <summary>
    /// Lower case with diacritics removed after canonical decomposition (<c>Cádiz</c> → <c>cadiz</c>, <c>ñ</c> → <c>n</c>);
    /// every run of characters other than letters and digits (spaces, apostrophes, hyphens, slashes, commas) becomes
    /// one space, and none leads or trails.
    /// </summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                continue;
            }

            if (!char.IsLetterOrDigit(character))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }

            folded.Append(char.ToLowerInvariant(character));
        }

        return folded.ToString();
    }

    /// <summary>
    /// The normalized forms a name is found by: the whole name, each part of a name joined by slashes
    /// (<c>Donostia/San Sebastián</c>), the article-first form of a part that ends in <c>, article</c>
    /// (<c>Coruña, A</c> → <c>a coruna</c>), and any aliases.
    /// </summary>
    public static ImmutableArray<string> SearchForms(string name, params IEnumerable<string> aliases)
    {
        var forms = new List<string> { Normalize(name) };
        foreach (var part in name.Split('/'))
        {
            forms.Add(Normalize(part));
            if (ArticleFirst(part) is { } articleFirst)
            {
                forms.Add(Normalize(articleFirst));
            }
        }

        forms.AddRange(aliases.Select(Normalize));
        return [.. forms.Where(form => form.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    private static string? ArticleFirst(string part)
    {
        var comma = part.LastIndexOf(',');
        if (comma < 0)
        {
            return null;
        }

        var article = part[(comma + 1)..].Trim();
        return Articles.Contains(article) ? $"{article} {part[..comma].Trim()}" : null;
    }
}
