using Ltv.Domain.Lifetime;

namespace Ltv.Domain.Tests.Lifetime;

public sealed class SimpleLtvTests
{
    [Fact]
    public void revenue_100_over_2_weeks_for_10_years_is_26000()
    {
        // a = 100 / 2 = 50 a week; 52 x 50 x 10 = 26000.
        SimpleLtv.AveragePerWeek(100m, 2).ShouldBe(50m);
        SimpleLtv.Calculate(100m, 2, 10m).ShouldBe(26000m);
    }

    [Fact]
    public void one_order_of_12_34_in_a_single_week_is_worth_6416_80()
    {
        // 52 x 12.34 x 10 / 1 = 6416.8
        SimpleLtv.Calculate(12.34m, 1, 10m).ShouldBe(6416.8m);
    }

    [Fact]
    public void a_third_is_kept_exact_until_the_result_is_rounded()
    {
        // 52 x 100 x 10 / 3 = 17333.333...
        decimal ltv = SimpleLtv.Calculate(100m, 3, 10m);

        ltv.ShouldBeGreaterThan(17333.3333m);
        ltv.ShouldBeLessThan(17333.3334m);
        SimpleLtv.RoundForDisplay(ltv).ShouldBe(17333.33m);
    }

    [Fact]
    public void ltv_divides_once_last_so_an_exact_half_cent_rounds_away_from_zero()
    {
        // 52 x 0.01 x 10 / 208 = 0.025 exactly; 0.01 / 208 first would give 0.0249999... and 0.02.
        SimpleLtv.Calculate(0.01m, 208, 10m).ShouldBe(0.025m);
        SimpleLtv.RoundForDisplay(SimpleLtv.Calculate(0.01m, 208, 10m)).ShouldBe(0.03m);
        SimpleLtv.RoundForDisplay(SimpleLtv.Calculate(100.01m, 208, 10m)).ShouldBe(250.03m);
    }

    [Fact]
    public void lifespan_may_be_a_fraction_of_years()
    {
        // 52 x 10 x 2.5 / 1 = 1300
        SimpleLtv.Calculate(10m, 1, 2.5m).ShouldBe(1300m);
    }

    [Fact]
    public void no_revenue_is_worth_nothing()
    {
        SimpleLtv.Calculate(0m, 7, 10m).ShouldBe(0m);
    }

    [Fact]
    public void a_timeframe_of_less_than_one_week_is_a_mistake()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SimpleLtv.Calculate(1m, 0, 10m));
        Should.Throw<ArgumentOutOfRangeException>(() => SimpleLtv.AveragePerWeek(100m, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => SimpleLtv.AveragePerWeek(100m, -2));
    }

    [Fact]
    public void settings_default_to_the_dataset_timeframe_and_ten_years()
    {
        LtvSettings.Default.ShouldBe(new LtvSettings(Timeframe.Dataset, 10m));
        Should.Throw<ArgumentOutOfRangeException>(() => new LtvSettings(LifespanYears: 0m));
        Should.Throw<ArgumentOutOfRangeException>(() => new LtvSettings(LifespanYears: LtvSettings.MaxLifespanYears + 1m))
            .Message.ShouldContain("1000");
        Should.Throw<ArgumentOutOfRangeException>(() => LtvSettings.Default with { LifespanYears = -1m });
        Should.Throw<ArgumentOutOfRangeException>(() => new LtvSettings((Timeframe)7));
    }
}
