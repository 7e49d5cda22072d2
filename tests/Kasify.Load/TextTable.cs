namespace Kasify.Load;

/// <summary>
/// A plain-text table: the first <see cref="LeftColumns"/> columns (names) left-aligned, the others (figures)
/// right-aligned, each as wide as its widest cell.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int LeftColumns { get; init; } = 1;

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Print()
    {
        var rows = _rows.Prepend(headers).ToList();
        var widths = Enumerable.Range(0, headers.Length).Select(column => rows.Max(row => column < row.Length ? row[column].Length : 0)).ToArray();
        foreach (var row in rows)
        {
            var cells = Enumerable.Range(0, headers.Length).Select(column =>
            {
                var cell = column < row.Length ? row[column] : "";
                return column < LeftColumns ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]);
            });
            Console.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
