using Ltv.Domain.Lifetime;
using static Ltv.Domain.Tests.Events.SampleEvents;

namespace Ltv.Domain.Tests.Lifetime;

/// <summary>
/// A missing argument to a public rule is an ArgumentNullException naming it, not a NullReferenceException from
/// somewhere inside.
/// </summary>
public sealed class LifetimeArgumentTests
{
    private static readonly CustomerLifetime State = CustomerLifetime.Initial(Alice);
    private static readonly CustomerProfile Profile = new("Smith", "Middletown", "AK", At("2017-01-06T00:00:00Z"), IsUpdate: false);
    private static readonly OrderState Order = new(1m, At("2017-01-06T00:00:00Z"), IsUpdate: false, At("2017-01-06T00:00:00Z"));

    public static TheoryData<string, Action> MissingArguments => new()
    {
        { "state", () => CustomerLifetime.Evolve(null!, Visit("2017-01-06T00:00:00Z")) },
        { "e", () => CustomerLifetime.Evolve(State, null!) },
        { "a", () => CustomerProfile.CompareRecency(null!, Profile) },
        { "b", () => CustomerProfile.CompareRecency(Profile, null!) },
        { "a", () => OrderState.Merge(null!, Order) },
        { "b", () => OrderState.Merge(Order, null!) },
        { "customers", () => LtvRanking.Rank(null!, LtvSettings.Default) },
        { "settings", () => LtvRanking.Rank([State], null!) },
    };

    [Theory]
    [MemberData(nameof(MissingArguments))]
    public void a_missing_argument_is_refused_by_name(string parameter, Action call)
    {
        Should.Throw<ArgumentNullException>(call).ParamName.ShouldBe(parameter);
    }
}
