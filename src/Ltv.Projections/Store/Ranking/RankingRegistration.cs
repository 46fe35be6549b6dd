using JasperFx.Events.Projections;
using Ltv.Domain.Lifetime;
using Ltv.Projections.Store.Copies;
using Marten;

namespace Ltv.Projections.Store.Ranking;

/// <summary>LtvRanking in a Marten store: both copies (blue/green), each a document table of its own on the daemon.</summary>
public static class RankingRegistration
{
    /// <summary>The name on the command line; the blue copy's projection and progress row carry it too.</summary>
    public const string ReadModelName = "ltv_ranking";

    public static void AddLtvRanking(this StoreOptions options, int batchSize)
    {
        Add(options, ReadModelCopy.Blue, RankedCustomer.Blue.Of, batchSize);
        Add(options, ReadModelCopy.Green, RankedCustomer.Green.Of, batchSize);
    }

    private static void Add<TCopy>(StoreOptions options, ReadModelCopy copy, Func<CustomerLifetime, TCopy> rank, int batchSize)
        where TCopy : RankedCustomer
    {
        var name = ReadModelCopies.ProjectionName(ReadModelName, copy);
        options.MapRankedCustomer<TCopy>(name);
        options.Projections.Add(new RankedCustomerProjection<TCopy>(name, rank), ProjectionLifecycle.Async, daemon => daemon.BatchSize = batchSize);
    }
}
