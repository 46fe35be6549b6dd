using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Ltv.Domain.Clv.Numerics;

/// <summary>The minimum found, the function's value there, and the work it took.</summary>
public sealed record Minimum(IReadOnlyList<double> Point, double Value, int Evaluations, bool Converged);

/// <summary>
/// Minimises a function of strictly positive parameters (shapes and scales of Gamma and Beta distributions)
/// by Nelder-Mead on their logarithms, so that every step stays in the domain. Nelder-Mead needs no gradient,
/// but its simplex can collapse before the true minimum, so it restarts from the best point with a fresh simplex
/// until a restart no longer improves the value.
/// </summary>
public static class PositiveMinimizer
{
    private const double Tolerance = 1e-13;
    private const int MaxIterations = 20_000;
    private const int MaxRestarts = 30;

    public static Minimum Minimize(Func<double[], double> function, IReadOnlyList<double> start)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(start);
        var evaluations = 0;
        var objective = ObjectiveFunction.Value(logs =>
        {
            evaluations++;
            var value = function(logs.Select(v => Math.Exp(v)).ToArray());
            // Outside the numerically usable region: a wall, which Nelder-Mead steps back from.
            return double.IsFinite(value) ? value : double.MaxValue;
        });
        var point = Vector<double>.Build.DenseOfEnumerable(start.Select(v => Math.Log(v)));
        var best = double.PositiveInfinity;
        for (var restart = 0; restart < MaxRestarts; restart++)
        {
            MinimizationResult result;
            try
            {
                var step = Vector<double>.Build.Dense(point.Count, restart == 0 ? 0.5 : 0.05);
                result = NelderMeadSimplex.Minimum(objective, point, step, Tolerance, MaxIterations);
            }
            catch (MaximumIterationsException)
            {
                return new Minimum(point.Select(v => Math.Exp(v)).ToArray(), best, evaluations, Converged: false);
            }

            var value = result.FunctionInfoAtMinimum.Value;
            point = result.MinimizingPoint;
            var improvement = best - value;
            best = Math.Min(best, value);
            if (improvement <= Tolerance * Math.Max(1, Math.Abs(value)))
            {
                return new Minimum(point.Select(v => Math.Exp(v)).ToArray(), best, evaluations, Converged: best < double.MaxValue);
            }
        }

        return new Minimum(point.Select(v => Math.Exp(v)).ToArray(), best, evaluations, Converged: false);
    }
}
