using JasperFx.Events.Daemon;
using Ltv.Domain.Lifetime;
using Ltv.Host.Generation;
using Ltv.Testing;

namespace Ltv.Projections.Tests.Marten;

/// <summary>
/// Two synthetic logs, each in a Marten store of its own, shared by the read-side query tests: one with every kind of
/// customer the generator makes (one in twelve has no CUSTOMER event; orders amended, some only amended), and the
/// same log without the customers that have no CUSTOMER event.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SyntheticLogs : ICollectionFixture<MixedLog>, ICollectionFixture<RegisteredLog>
{
    public const string Name = "synthetic logs on Marten";

    public static IReadOnlyList<string> Mixed { get; } = [.. SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 300, Seed: 29))];

    public static IReadOnlyList<string> Registered { get; } = WithoutUnregisteredCustomers(Mixed);

    private static List<string> WithoutUnregisteredCustomers(IReadOnlyList<string> lines)
    {
        var registered = LtvOracle.Customers(lines).Where(c => c.HasCustomerEvent).Select(c => c.CustomerId).ToHashSet();
        return [.. lines.Where(line => LtvOracle.AcceptedEvents([line]) is [var e] && registered.Contains(e.CustomerId))];
    }
}

/// <summary>A log appended to a fresh store by <see cref="ShuffledAppends"/>, with Marten's daemon caught up.</summary>
public abstract class AppendedLog(IReadOnlyList<string> lines) : IAsyncLifetime
{
    public MartenStore Marten { get; } = new();

    public IReadOnlyList<string> Lines { get; } = lines;

    /// <summary>The domain's fold of each customer's events: what every query is held to.</summary>
    public IReadOnlyList<CustomerLifetime> Customers { get; } = LtvOracle.Customers(lines);

    public async Task InitializeAsync()
    {
        await Marten.InitializeAsync();
        await ShuffledAppends.AppendAsync(Marten.Store, LtvOracle.AcceptedEvents(Lines));
        using var daemon = await Marten.Store.BuildProjectionDaemonAsync();
        await daemon.CatchUpAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
    }

    public Task DisposeAsync() => Marten.DisposeAsync();
}

public sealed class MixedLog() : AppendedLog(SyntheticLogs.Mixed);

public sealed class RegisteredLog() : AppendedLog(SyntheticLogs.Registered);
