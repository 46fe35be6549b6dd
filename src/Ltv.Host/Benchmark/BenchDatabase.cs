using System.Globalization;
using Npgsql;

namespace Ltv.Host.Benchmark;

/// <summary>
/// A database of the benchmark's own on the server the user's connection names, dropped afterwards: the
/// benchmark never reads or writes the user's data, and leaves nothing behind.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _serverConnection;

    private BenchDatabase(string serverConnection, string name, string connectionString)
    {
        _serverConnection = serverConnection;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string serverConnection, CancellationToken ct)
    {
        // Made of digits and letters only, so it is safe to quote as an identifier.
        var name = string.Create(
            CultureInfo.InvariantCulture, $"ltv_bench_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(100_000, 999_999)}");
        await using (var connection = new NpgsqlConnection(serverConnection))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
            try
            {
                await create.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new UserError($"ltv bench creates a database of its own, and this role may not: {e.MessageText}");
            }
        }

        var builder = new NpgsqlConnectionStringBuilder(serverConnection) { Database = name, Pooling = true };
        return new BenchDatabase(serverConnection, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnection);
        await connection.OpenAsync(CancellationToken.None);
        await using var drop = new NpgsqlCommand($"drop database if exists \"{Name}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
