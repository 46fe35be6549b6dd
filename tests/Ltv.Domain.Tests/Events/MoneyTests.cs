using Ltv.Domain.Events;

namespace Ltv.Domain.Tests.Events;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("12.340", "12.34")]
    [InlineData("92.00", "92")]
    [InlineData("0.000", "0")]
    [InlineData("1000", "1000")]
    [InlineData("0.001", "0.001")]
    public void money_keeps_the_smallest_exact_scale_so_equal_amounts_print_alike(string given, string printed)
    {
        Money.InUsd(decimal.Parse(given, System.Globalization.CultureInfo.InvariantCulture)).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(printed);
    }

    [Fact]
    public void negative_zero_is_plain_zero()
    {
        Money.InUsd(-0.00m).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("0");
    }

    [Fact]
    public void only_us_dollars_exist()
    {
        Should.Throw<ArgumentException>(() => new Money(1m, "EUR"));
        Should.Throw<ArgumentException>(() => new Money(1m, "usd"));
        new Money(Amount: 1m, Currency: "USD").ShouldBe(Money.InUsd(1m));
    }

    [Fact]
    public void money_is_never_negative()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Money.InUsd(-0.01m));
    }

    [Fact]
    public void default_money_is_zero_dollars()
    {
        default(Money).Amount.ShouldBe(0m);
        default(Money).Currency.ShouldBe("USD");
    }
}
