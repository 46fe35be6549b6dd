using Marten;
using Marten.Schema;
using NpgsqlTypes;

namespace Ltv.Projections.Store.Ranking;

/// <summary>
/// The columns and indexes of each <see cref="RankedCustomer"/> copy's table. Top X orders by a key descending and the customer
/// id ascending (ties go to the lower id, as <see cref="Ltv.Domain.Lifetime.LtvRanking"/> says), so each index holds
/// the key descending then the id: PostgreSQL reads the first X entries and stops, whatever the size of the table.
/// </summary>
public static class RankingIndexes
{
    public static void MapRankedCustomer<TCopy>(this StoreOptions options, string alias)
        where TCopy : RankedCustomer
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Schema.For<TCopy>()
            .Identity(c => c.Id)
            .DocumentAlias(alias)
            .Duplicate(c => c.Revenue, "numeric", NpgsqlDbType.Numeric, OrderedBeforeId, notNull: true)
            .Duplicate(c => c.WeeklyValue, "numeric", NpgsqlDbType.Numeric, OrderedBeforeId, notNull: true)
            .Duplicate(c => c.FirstEventTime, "timestamptz", NpgsqlDbType.TimestampTz, notNull: true)
            .Duplicate(c => c.LastEventTime, "timestamptz", NpgsqlDbType.TimestampTz, notNull: true);
    }

    // The key's column descending, then the id in byte order ("C", whatever the database's locale), as top X orders.
    // The mask surrounds the duplicated column Marten puts in the index (Weasel's IndexDefinition.Mask).
    private static void OrderedBeforeId(DocumentIndex index) => index.Mask = "? DESC, id COLLATE \"C\"";
}
