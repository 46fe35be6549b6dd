using Ltv.Domain.Events;

namespace Ltv.Domain.Validation;

/// <summary>What validation says of one raw event: accepted as a domain event, or rejected with a reason.</summary>
public abstract record ValidationResult
{
    private ValidationResult()
    {
    }

    public sealed record Accepted(CustomerEvent Event) : ValidationResult;

    /// <summary>The reason is one of <see cref="RejectionReasons"/>.</summary>
    public sealed record Rejected(string Reason) : ValidationResult;
}
