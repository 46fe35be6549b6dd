using Ltv.Projections.Store;
using Ltv.Testing;

namespace Ltv.Projections.Tests;

public sealed class SchemaStampTests
{
    [Fact]
    public async Task a_schema_this_build_stamped_is_not_compared_again_and_one_without_the_stamp_is_compared_and_migrated()
    {
        await using var app = await LtvTestApp.StartAsync();
        var catalog = app.Get<ReadModelCatalog>();
        (await StampAsync(app)).ShouldBe(SchemaStamp.Current, "the start stamped the schema");
        await ExecuteAsync(app, $"drop table {app.Schema}.{Store.Copies.LiveCopyPointer.TableName}");

        await catalog.EnsureAsync();
        (await TableExistsAsync(app, Store.Copies.LiveCopyPointer.TableName)).ShouldBeFalse("stamped by this build: nothing compared");

        await ExecuteAsync(app, $"delete from {app.Schema}.{SchemaStamp.TableName}");
        await catalog.EnsureAsync();
        (await TableExistsAsync(app, Store.Copies.LiveCopyPointer.TableName)).ShouldBeTrue("no stamp: compared and migrated");
        (await StampAsync(app)).ShouldBe(SchemaStamp.Current);
    }

    private static async Task<string?> StampAsync(LtvTestApp app)
    {
        await using var command = app.Database.DataSource.CreateCommand($"select stamp from {app.Schema}.{SchemaStamp.TableName}");
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task<bool> TableExistsAsync(LtvTestApp app, string table)
    {
        await using var command = app.Database.DataSource.CreateCommand($"select to_regclass('{app.Schema}.{table}') is not null");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(LtvTestApp app, string sql)
    {
        await using var command = app.Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
