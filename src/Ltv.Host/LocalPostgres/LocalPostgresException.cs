namespace Ltv.Host.LocalPostgres;

// The message is one line a user can act on; Details carries what a developer needs to dig further
// (a command's stderr, the tail of server.log), so the CLI can print either.
public sealed class LocalPostgresException : Exception
{
    public LocalPostgresException(string message, string? details = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Details = details;
    }

    public string? Details { get; }

    public override string ToString() =>
        Details is null ? base.ToString() : $"{base.ToString()}{Environment.NewLine}{Details}";
}
