using Ltv.Domain.Clv;

namespace Ltv.Host.Clv;

/// <summary>A holdout validation, and the time unit its models counted in.</summary>
public sealed record ClvValidationAnswer(HoldoutValidation Validation, ClvTimeUnit Unit);
