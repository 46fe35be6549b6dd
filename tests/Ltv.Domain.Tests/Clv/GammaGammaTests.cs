using Ltv.Domain.Clv;
using MathNet.Numerics;

namespace Ltv.Domain.Tests.Clv;

public sealed class GammaGammaTests
{
    // Fader and Hardie's Gamma-Gamma note, on the 946 CDNOW customers with repeat purchases in the calibration period.
    private static readonly GammaGammaParameters Published = new(6.25, 3.74, 15.44);

    [Fact]
    public void the_fit_on_the_cdnow_repeat_customers_gives_the_published_parameters()
    {
        var fit = GammaGammaFit.To(CdnowFixture.CalibrationSummary().Customers);

        fit.Customers.ShouldBe(946);
        fit.Converged.ShouldBeTrue();
        fit.Parameters.P.ShouldBe(6.25, 0.01);
        fit.Parameters.Q.ShouldBe(3.74, 0.01);
        fit.Parameters.Gamma.ShouldBe(15.44, 0.01);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void the_density_of_the_mean_spend_integrates_to_one(int x)
    {
        // m = u / (1 - u) maps (0, 1) onto (0, infinity).
        double Integrand(double u) => u is <= 0 or >= 1
            ? 0
            : Math.Exp(GammaGammaModel.LogLikelihood(Published, x, u / (1 - u))) / ((1 - u) * (1 - u));

        Integrate.OnClosedInterval(Integrand, 0, 1, 1e-10).ShouldBe(1, 1e-6);
    }

    [Fact]
    public void the_expected_spend_is_the_posterior_mean_of_p_over_nu()
    {
        // nu | x, m ~ Gamma(px + q, gamma + m x), so E[p / nu] is an integral we can take numerically.
        const int x = 3;
        const double m = 42.0;
        var (shape, rate) = ((Published.P * x) + Published.Q, Published.Gamma + (m * x));
        double Integrand(double nu) => nu <= 0
            ? 0
            : Published.P / nu * Math.Exp((shape * Math.Log(rate)) + ((shape - 1) * Math.Log(nu)) - (rate * nu) - SpecialFunctions.GammaLn(shape));

        var posteriorMean = Integrate.OnClosedInterval(Integrand, 0, 5, 1e-12);

        GammaGammaModel.ExpectedSpendPerTransaction(Published, x, m).ShouldBe(posteriorMean, 1e-8 * posteriorMean);
    }

    [Fact]
    public void with_no_repeats_the_expected_spend_is_the_population_mean_and_with_many_it_nears_the_customer_s_own()
    {
        GammaGammaModel.ExpectedSpendPerTransaction(Published, 0, 0).ShouldBe(6.25 * 15.44 / 2.74, 1e-9);
        GammaGammaModel.ExpectedSpendPerTransaction(Published, 10_000, 80).ShouldBe(80, 0.01);
    }

    [Fact]
    public void a_q_of_one_or_less_has_no_finite_mean_spend()
    {
        var heavyTailed = new GammaGammaParameters(2, 0.9, 10);

        heavyTailed.PopulationMeanSpend.ShouldBe(double.PositiveInfinity);
        Should.Throw<InvalidOperationException>(() => GammaGammaModel.ExpectedSpendPerTransaction(heavyTailed, 2, 30));
    }
}
