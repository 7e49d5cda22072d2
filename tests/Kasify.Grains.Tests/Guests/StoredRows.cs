using System.Text;
using Kasify.Silo.Hosting;
using Microsoft.Data.Sqlite;

namespace Kasify.Grains.Tests.Guests;

/// <summary>The grain state rows of a test silo's SQLite database, read and rewritten as stored (JSON text).</summary>
internal sealed class StoredRows(KasifySiloOptions options)
{
    /// <summary>Every stored (not cleared) row's payload, by SQLite row id.</summary>
    public async Task<Dictionary<long, string>> ReadAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, PayloadBinary FROM OrleansStorage WHERE ServiceId = 'kasify' AND PayloadBinary IS NOT NULL";
        var rows = new Dictionary<long, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetInt64(0)] = Encoding.UTF8.GetString((byte[])reader[1]);
        }

        return rows;
    }

    /// <summary>Replaces one row's payload, as data written by an earlier version would be.</summary>
    public async Task WriteAsync(long rowId, string? payload)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE OrleansStorage SET PayloadBinary = @payload WHERE rowid = @rowId";
        command.Parameters.AddWithValue("@payload", payload is null ? DBNull.Value : Encoding.UTF8.GetBytes(payload));
        command.Parameters.AddWithValue("@rowId", rowId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(KasifySilo.SqliteConnectionString(options.Storage.SqlitePath));
        await connection.OpenAsync();
        return connection;
    }
}
