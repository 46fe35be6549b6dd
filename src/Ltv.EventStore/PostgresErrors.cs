using System.Net.Sockets;
using Npgsql;

namespace Ltv.EventStore;

/// <summary>
/// The one place where driver and server errors become exceptions that callers can act on.
/// </summary>
public static class PostgresErrors
{
    /// <summary>Runs <paramref name="operation"/>, translating connection failures.</summary>
    public static async Task<T> Translate<T>(Func<Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await operation();
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw new EventStoreUnavailableException($"The database is unreachable: {Describe(e)}", e);
        }
    }

    /// <summary>Whether an exception means the server cannot be reached (as opposed to a bad statement).</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState is "57P01" or "57P02" or "57P03" or "3D000" or "28000" or "28P01" or "53300",
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => true,
        NpgsqlException npgsql when npgsql.Message.Contains("connect", StringComparison.OrdinalIgnoreCase) => true,
        SocketException => true,
        _ => false,
    };

    private static string Describe(Exception e) =>
        e is PostgresException pg ? pg.MessageText : (e.InnerException?.Message ?? e.Message);
}
