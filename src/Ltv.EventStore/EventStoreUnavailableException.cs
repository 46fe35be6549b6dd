namespace Ltv.EventStore;

/// <summary>The database could not be reached or refused the connection.</summary>
public sealed class EventStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EventStoreUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
