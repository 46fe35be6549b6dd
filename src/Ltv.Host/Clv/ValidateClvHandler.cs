using Ltv.Domain.Clv;
using Ltv.Projections.Clv;

namespace Ltv.Host.Clv;

/// <summary>Answers <see cref="ValidateClv"/>; a user error when the holdout would be empty.</summary>
public static class ValidateClvHandler
{
    public static async Task<ClvValidationAnswer> Handle(ValidateClv query, ClvQuery clv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var answer = await FitClvHandler.FitAsync(query.Fit, clv, ct);
        var calibrationEnd = answer.Model.Summary.CalibrationEnd;
        var end = query.HoldoutEnd ?? answer.LastPurchaseDay ?? calibrationEnd;
        return end > calibrationEnd
            ? new ClvValidationAnswer(HoldoutValidation.Compare(answer.Model, answer.Purchases, end), answer.Model.Summary.Unit)
            : throw new UserError(
                $"Nothing to validate against: the holdout must end after the calibration end {ClvFitResponse.ClvDay(calibrationEnd)}, and it ends {ClvFitResponse.ClvDay(end)}.");
    }
}
