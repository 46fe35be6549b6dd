using System.Net.Sockets;
using Npgsql;

namespace Ltv.Projections.Store;

/// <summary>
/// Whether a failure means the database cannot be reached (as opposed to a bad statement), wherever in the chain of
/// inner exceptions the driver's error sits: Marten and Weasel wrap Npgsql's.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception exception) => exception is DatabaseUnavailableException || Cause(exception) is not null;

    /// <summary>Runs <paramref name="operation"/>, turning a failure to reach the database into <see cref="DatabaseUnavailableException"/>.</summary>
    public static async Task<T> Translate<T>(Func<Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await operation();
        }
        catch (Exception e) when (e is not DatabaseUnavailableException && Cause(e) is not null)
        {
            throw new DatabaseUnavailableException(Describe(e), e);
        }
    }

    /// <summary>One line for the user: the server's or the driver's own words.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is DatabaseUnavailableException)
        {
            return exception.Message;
        }

        var cause = Cause(exception) ?? exception;
        return "The database is unreachable: " + (cause is PostgresException pg ? pg.MessageText : cause.InnerException?.Message ?? cause.Message);
    }

    private static Exception? Cause(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(Cause).FirstOrDefault(c => c is not null);
            }

            if (IsUnavailable(e))
            {
                return e;
            }
        }

        return null;
    }

    // Server shutting down or refusing (admin shutdown, crash, starting up, unknown database, authentication, too many
    // connections), or no connection at all.
    private static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState is "57P01" or "57P02" or "57P03" or "3D000" or "28000" or "28P01" or "53300",
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => true,
        NpgsqlException npgsql when npgsql.Message.Contains("connect", StringComparison.OrdinalIgnoreCase) => true,
        SocketException => true,
        _ => false,
    };
}

/// <summary>The database could not be reached or refused the connection.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
