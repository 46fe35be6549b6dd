namespace Ltv.Host;

/// <summary>
/// A mistake the user can fix (a missing file, a bad option value). Shown as one line, never with a stack trace.
/// </summary>
public sealed class UserError(string message) : Exception(message);
