using Ltv.Domain.Clv;
using MathNet.Numerics;

namespace Ltv.Domain.Tests.Clv;

public sealed class BgNbdTests
{
    // Fader, Hardie and Lee (2005), on the CDNOW sample's 39-week calibration period (shared/fixtures/cdnow/SOURCES.md).
    private static readonly BgNbdParameters Published = new(0.243, 4.414, 0.793, 2.426);

    private static readonly Lazy<BgNbdFit> CdnowFit = new(() => BgNbdFit.To(CdnowFixture.CalibrationSummary().Customers));

    [Fact]
    public void the_fit_on_the_cdnow_sample_gives_the_published_parameters_and_log_likelihood()
    {
        var fit = CdnowFit.Value;

        fit.Converged.ShouldBeTrue();
        fit.Parameters.R.ShouldBe(0.243, 0.001);
        fit.Parameters.Alpha.ShouldBe(4.414, 0.001);
        fit.Parameters.A.ShouldBe(0.793, 0.001);
        fit.Parameters.B.ShouldBe(2.426, 0.001);
        fit.LogLikelihood.ShouldBe(-9582.4, 0.1);
    }

    [Fact]
    public void the_fit_is_a_maximum_where_the_gradient_in_log_parameters_vanishes()
    {
        var fit = CdnowFit.Value;
        var customers = CdnowFixture.CalibrationSummary().Customers;
        double[] logs = [Math.Log(fit.Parameters.R), Math.Log(fit.Parameters.Alpha), Math.Log(fit.Parameters.A), Math.Log(fit.Parameters.B)];
        double LogLikelihood(double[] v) =>
            BgNbdModel.LogLikelihood(new BgNbdParameters(Math.Exp(v[0]), Math.Exp(v[1]), Math.Exp(v[2]), Math.Exp(v[3])), customers);

        const double h = 1e-5;
        for (var i = 0; i < 4; i++)
        {
            var up = (double[])logs.Clone();
            var down = (double[])logs.Clone();
            up[i] += h;
            down[i] -= h;
            var gradient = (LogLikelihood(up) - LogLikelihood(down)) / (2 * h);
            Math.Abs(gradient).ShouldBeLessThan(0.05, $"parameter {i}");
            LogLikelihood(up).ShouldBeLessThanOrEqualTo(fit.LogLikelihood + 1e-9);
            LogLikelihood(down).ShouldBeLessThanOrEqualTo(fit.LogLikelihood + 1e-9);
        }
    }

    [Fact]
    public void fitting_in_days_gives_the_same_shapes_an_alpha_seven_times_larger_and_the_likelihood_of_the_rescaled_times()
    {
        var weeks = CdnowFit.Value;
        var summary = CdnowFixture.CalibrationSummary(ClvTimeUnit.Day);

        var days = BgNbdFit.To(summary.Customers);

        days.Parameters.R.ShouldBe(weeks.Parameters.R, 1e-4);
        days.Parameters.A.ShouldBe(weeks.Parameters.A, 1e-4);
        days.Parameters.B.ShouldBe(weeks.Parameters.B, 1e-3);
        days.Parameters.Alpha.ShouldBe(7 * weeks.Parameters.Alpha, 7e-3);
        // Each repeat purchase time is a density in the unit: x purchases in days carry x ln 7 less log-likelihood.
        var repeats = summary.Customers.Sum(c => c.Frequency);
        days.LogLikelihood.ShouldBe(weeks.LogLikelihood - (repeats * Math.Log(7)), 1e-3);
    }

    [Theory]
    [InlineData(0, 0.0, 38.86)]
    [InlineData(1, 1.71, 38.86)]
    [InlineData(2, 30.43, 38.86)]
    [InlineData(14, 31.0, 32.0)]
    public void the_log_likelihood_equals_the_paper_s_formula_computed_without_logarithms(int x, double tx, double t)
    {
        var (r, alpha, a, b) = (Published.R, Published.Alpha, Published.A, Published.B);
        var rate = SpecialFunctions.Gamma(r + x) * Math.Pow(alpha, r) / SpecialFunctions.Gamma(r);
        var alive = SpecialFunctions.Beta(a, b + x) / SpecialFunctions.Beta(a, b) * rate / Math.Pow(alpha + t, r + x);
        var dropped = x > 0 ? SpecialFunctions.Beta(a + 1, b + x - 1) / SpecialFunctions.Beta(a, b) * rate / Math.Pow(alpha + tx, r + x) : 0;

        BgNbdModel.LogLikelihood(Published, x, tx, t).ShouldBe(Math.Log(alive + dropped), 1e-10);
    }

    [Fact]
    public void the_conditional_expectation_of_the_paper_s_first_customer_is_1_226_purchases_in_the_next_39_weeks()
    {
        // Hardie's spreadsheet for FHL (2005): x = 2, t_x = 30.43, T = 38.86 at the published parameters gives 1.226.
        BgNbdModel.ConditionalExpectedPurchases(Published, 2, 30.43, 38.86, 39).ShouldBe(1.226, 0.0005);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(39.0)]
    [InlineData(520.0)]
    public void the_unconditional_expectation_equals_the_integral_over_the_dropout_probability(double t)
    {
        // E[X(t)] = integral over p ~ Beta(a, b) of (1 - (alpha / (alpha + p t))^r) / p; p = u^(1/a) makes it smooth.
        var (r, alpha, a, b) = (Published.R, Published.Alpha, Published.A, Published.B);
        double Integrand(double u)
        {
            var p = Math.Pow(u, 1 / a);
            var perP = p == 0 ? r * t / alpha : (1 - Math.Pow(alpha / (alpha + (p * t)), r)) / p;
            return perP * Math.Pow(1 - p, b - 1) / a / SpecialFunctions.Beta(a, b);
        }

        var integral = Integrate.OnClosedInterval(Integrand, 0, 1, 1e-12);

        BgNbdModel.ExpectedPurchases(Published, t).ShouldBe(integral, 1e-8 * Math.Max(1, integral));
    }

    [Fact]
    public void over_a_short_horizon_the_expectation_is_p_alive_times_the_posterior_mean_rate()
    {
        // Alive at T, lambda | data ~ Gamma(r + x, alpha + T): E[Y(h)] ~ h P(alive) (r + x) / (alpha + T) as h -> 0.
        const double h = 1e-4;
        var alive = BgNbdModel.ProbabilityAlive(Published, 3, 20, 38);
        var expected = h * alive * (Published.R + 3) / (Published.Alpha + 38);

        BgNbdModel.ConditionalExpectedPurchases(Published, 3, 20, 38, h).ShouldBe(expected, 1e-3 * expected);
    }

    [Fact]
    public void a_customer_without_repeats_is_alive_for_sure_and_the_longer_a_repeater_is_silent_the_less_likely_alive()
    {
        BgNbdModel.ProbabilityAlive(Published, 0, 0, 38.86).ShouldBe(1);
        var recent = BgNbdModel.ProbabilityAlive(Published, 5, 38, 38.86);
        var silent = BgNbdModel.ProbabilityAlive(Published, 5, 5, 38.86);
        recent.ShouldBeGreaterThan(silent);
        // 1 / (1 + a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)), by hand at x = 5, t_x = 5.
        var odds = Published.A / (Published.B + 4) * Math.Pow((Published.Alpha + 38.86) / (Published.Alpha + 5), Published.R + 5);
        silent.ShouldBe(1 / (1 + odds), 1e-12);
    }
}
