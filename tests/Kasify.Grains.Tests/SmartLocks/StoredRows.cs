using System.Text;
using Kasify.Silo.Hosting;
using Microsoft.Data.Sqlite;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>Reads grain state rows straight from the silo's SQLite database, as an attacker with the file would.</summary>
internal static class StoredRows
{
    /// <summary>Every stored grain state payload of the service, as text.</summary>
    public static async Task<IReadOnlyList<string>> ReadPayloadsAsync(KasifySiloOptions options)
    {
        await using var connection = new SqliteConnection(KasifySilo.SqliteConnectionString(options.Storage.SqlitePath));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT GrainTypeString, PayloadBinary FROM OrleansStorage WHERE ServiceId = 'kasify' AND PayloadBinary IS NOT NULL";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0) + " " + Encoding.UTF8.GetString((byte[])reader[1]));
        }

        return rows;
    }
}
