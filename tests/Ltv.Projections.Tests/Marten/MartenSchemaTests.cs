using Ltv.Projections.Store;
using Marten;
using Weasel.Core;

namespace Ltv.Projections.Tests.Marten;

/// <summary>Marten (Weasel) owns the schema: what it created, it finds unchanged at the next start.</summary>
public sealed class MartenSchemaTests(MartenStore marten) : IClassFixture<MartenStore>
{
    [Fact]
    public async Task a_second_start_finds_nothing_to_migrate_custom_index_masks_included()
    {
        // Every process start applies the configuration; an index Weasel reads back differently from how it declared
        // it would be dropped and created again at each start, on a table of a million rows.
        await using var again = DocumentStore.For(options => options.ConfigureLtvStore(marten.Database.ConnectionString, marten.Schema));

        var migration = await again.Storage.Database.CreateMigrationAsync();

        migration.Deltas.Where(d => d.Difference != SchemaPatchDifference.None).Select(d => d.SchemaObject.Identifier.QualifiedName).ShouldBeEmpty();
        migration.Difference.ShouldBe(SchemaPatchDifference.None);
    }
}
