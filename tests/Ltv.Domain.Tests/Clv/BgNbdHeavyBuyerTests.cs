using Ltv.Domain.Clv;
using MathNet.Numerics;

namespace Ltv.Domain.Tests.Clv;

/// <summary>
/// Regression: for customers with hundreds of repeats the 2F1 series behind E[Y(t)] overflowed, so expected orders and
/// CLV came out infinite (printed as null) at the published CDNOW parameters.
/// </summary>
public sealed class BgNbdHeavyBuyerTests
{
    private static readonly BgNbdParameters Published = new(0.243, 4.414, 0.793, 2.426);

    [Theory]
    [InlineData(160, 30.0, 38.86, 5218.0)]
    [InlineData(1000, 38.0, 38.86, 52.18)]
    [InlineData(1000, 500.0, 520.0, 5218.0)]
    public void a_heavy_buyer_s_expected_orders_are_finite_and_equal_the_integral_over_the_posterior(int x, double tx, double t, double horizon)
    {
        // Alive at T, the posterior is lambda ~ Gamma(r + x, alpha + T) and p ~ Beta(a, b + x), independent, so
        // E[Y(h)] = P(alive) E_p[(1 - ((alpha + T) / (alpha + T + p h))^(r + x)) / p]; p = u^(1/a) makes it smooth.
        var (r, alpha, a, b) = (Published.R, Published.Alpha, Published.A, Published.B);
        var (scale, shape) = (alpha + t, r + x);
        var logBeta = SpecialFunctions.BetaLn(a, b + x);
        double Integrand(double u)
        {
            var p = Math.Pow(u, 1 / a);
            var perP = p == 0 ? shape * horizon / scale : -double.ExpM1(-shape * double.LogP1(p * horizon / scale)) / p;
            return perP * Math.Exp(((b + x - 1) * double.LogP1(-p)) - logBeta) / a;
        }

        var integral = Integrate.OnClosedInterval(Integrand, 0, 1, 1e-12);
        var expected = BgNbdModel.ProbabilityAlive(Published, x, tx, t) * integral;

        var predicted = BgNbdModel.ConditionalExpectedPurchases(Published, x, tx, t, horizon);

        double.IsFinite(predicted).ShouldBeTrue();
        predicted.ShouldBe(expected, 1e-6 * expected);
    }

    [Fact]
    public void a_heavy_recent_buyer_expects_about_their_rate_times_the_horizon_and_more_the_longer_it_is()
    {
        // 1000 repeats over ten years, the last one just before the calibration end: about 1.92 purchases a week.
        const int x = 1000;
        const double tx = 519.0, t = 520.0;
        var rate = x / tx;
        double[] horizons = [1, 4, 13, 52.18, 521.8, 5218];

        var predicted = horizons.Select(h => BgNbdModel.ConditionalExpectedPurchases(Published, x, tx, t, h)).ToList();

        predicted.ShouldAllBe(e => double.IsFinite(e) && e > 0);
        predicted.ShouldBeInOrder(SortDirection.Ascending);
        // Within a year the few expected dropouts cost a little; they never add purchases beyond the rate.
        for (var i = 0; i < 4; i++)
        {
            (predicted[i] / (rate * horizons[i])).ShouldBeInRange(0.9, 1.0, $"horizon {horizons[i]} weeks");
        }
    }
}
