using System.Collections.Immutable;
using System.Text;
using Sylvan.Data.Csv;

namespace Kasify.Grains.Geo;

/// <summary>
/// Reads the geo reference files: UTF-8, comma-separated, one header line, RFC 4180 quoting (<c>"Balears, Illes"</c>).
/// Every field is read as text, so codes keep their leading zeros (<c>01001</c>, <c>004</c>).
/// </summary>
internal static class GeoCsv
{
    /// <summary>One <typeparamref name="T"/> per row, from the named columns in the given order.</summary>
    public static ImmutableArray<T> Read<T>(Stream stream, IReadOnlyList<string> columns, Func<string[], T> create)
    {
        using var text = new StreamReader(stream, Encoding.UTF8);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        var ordinals = columns.Select(csv.GetOrdinal).ToArray();
        var rows = ImmutableArray.CreateBuilder<T>();
        while (csv.Read())
        {
            rows.Add(create([.. ordinals.Select(csv.GetString)]));
        }

        return rows.ToImmutable();
    }
}
