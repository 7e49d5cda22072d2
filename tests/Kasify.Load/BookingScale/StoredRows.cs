using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kasify.Load.BookingScale;

/// <summary>Reads grain state rows and their sizes from the silo's database (SQLite, read-only, or PostgreSQL).</summary>
internal sealed class StoredRows : IAsyncDisposable
{
    // The same statements on both providers: length() of a BLOB or bytea is its size in bytes.
    private const string Columns = "SELECT GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, length(PayloadBinary) FROM OrleansStorage";

    private readonly DbConnection _connection;

    private StoredRows(DbConnection connection) => _connection = connection;

    public static async Task<StoredRows> OpenAsync(BookingScaleOptions options)
    {
        DbConnection connection = options.SqlitePath is { } path
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Mode = SqliteOpenMode.ReadOnly }.ToString())
            : new NpgsqlConnection(options.PostgresConnectionString);
        await connection.OpenAsync();
        return new StoredRows(connection);
    }

    /// <summary>The <paramref name="count"/> largest rows.</summary>
    public Task<IReadOnlyList<StoredRow>> LargestAsync(int count) => QueryAsync(
        $"{Columns} WHERE PayloadBinary IS NOT NULL ORDER BY length(PayloadBinary) DESC LIMIT @count", ("count", count));

    /// <summary>Every row of a grain keyed by <paramref name="key"/> (with or without a key extension), largest first.</summary>
    public Task<IReadOnlyList<StoredRow>> KeyedByAsync(Guid key)
    {
        var (n0, n1) = Halves(key);
        return QueryAsync(
            $"{Columns} WHERE GrainIdN0 = @n0 AND GrainIdN1 = @n1 AND PayloadBinary IS NOT NULL ORDER BY length(PayloadBinary) DESC",
            ("n0", n0),
            ("n1", n1));
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task<IReadOnlyList<StoredRow>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<StoredRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var guid = FromHalves(reader.GetInt64(1), reader.GetInt64(2));
            var extension = reader.IsDBNull(3) ? null : reader.GetString(3);
            var key = extension is null ? guid.ToString() : guid == Guid.Empty ? extension : $"{guid}+{extension}";
            rows.Add(new StoredRow(reader.GetString(0), key, Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    // A Guid key is stored as two halves, each 8 bytes of Guid.ToByteArray read as a (little-endian) integer; a string
    // key is stored as the extension, with both halves 0.
    private static (long N0, long N1) Halves(Guid key)
    {
        var bytes = key.ToByteArray();
        return (BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8));
    }

    private static Guid FromHalves(long n0, long n1)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, n0);
        BitConverter.TryWriteBytes(bytes[8..], n1);
        return new Guid(bytes);
    }
}
