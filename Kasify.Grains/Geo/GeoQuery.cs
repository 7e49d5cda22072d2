namespace Kasify.Grains.Geo;

/// <summary>A search text in normalized form (<see cref="GeoText.Normalize"/>), with its words.</summary>
internal sealed class GeoQuery
{
    private GeoQuery(string text)
    {
        Text = text;
        WordStart = " " + text;
        Words = text.Split(' ');
    }

    public string Text { get; }

    /// <summary>The text as it appears when it starts a word other than the first.</summary>
    public string WordStart { get; }

    public IReadOnlyList<string> Words { get; }

    /// <summary>Number of letters and digits.</summary>
    public int LetterCount => Text.Length - (Words.Count - 1);

    /// <summary>The query for a search text; null when it has no letters or digits (no filter).</summary>
    public static GeoQuery? Parse(string? text) =>
        GeoText.Normalize(text ?? "") is { Length: > 0 } normalized ? new GeoQuery(normalized) : null;
}
