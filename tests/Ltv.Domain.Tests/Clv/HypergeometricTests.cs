using Ltv.Domain.Clv.Numerics;

namespace Ltv.Domain.Tests.Clv;

public sealed class HypergeometricTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void the_series_matches_the_closed_forms_of_special_cases(double z)
    {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z; 2F1(a, b; b; z) = (1 - z)^-a; 2F1(1/2, 1/2; 3/2; z^2) = arcsin(z) / z.
        var log = z == 0 ? 1 : -Math.Log(1 - z) / z;
        Hypergeometric.Gauss2F1(1, 1, 2, z).ShouldBe(log, 1e-12 * log);
        Hypergeometric.Gauss2F1(0.243, 2.7, 2.7, z).ShouldBe(Math.Pow(1 - z, -0.243), 1e-12 * Math.Pow(1 - z, -0.243));
        var root = Math.Sqrt(z);
        Hypergeometric.Gauss2F1(0.5, 0.5, 1.5, z).ShouldBe(z == 0 ? 1 : Math.Asin(root) / root, 1e-12);
    }

    [Fact]
    public void a_negative_non_integer_c_still_sums_and_agrees_with_euler_s_transformation()
    {
        // Euler: 2F1(a, b; c; z) = (1 - z)^(c - a - b) 2F1(c - a, c - b; c; z). BG/NBD meets c = a + b - 1 < 0 when a + b < 1.
        double a = 0.3, b = 0.4, c = -0.3, z = 0.6;
        var direct = Hypergeometric.Gauss2F1(a, b, c, z);
        var euler = Math.Pow(1 - z, c - a - b) * Hypergeometric.Gauss2F1(c - a, c - b, c, z);

        direct.ShouldBe(euler, 1e-10 * Math.Abs(euler));
    }

    [Fact]
    public void arguments_outside_the_series_range_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Hypergeometric.Gauss2F1(1, 1, 2, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => Hypergeometric.Gauss2F1(1, 1, -2, 0.5));
    }
}
