using Ltv.Testing;
using Npgsql;

namespace Ltv.Host.Tests.LocalPostgres;

// The shared fixtures other test projects build on: TestDatabase and FixturePaths.
public sealed class TestingFixtureTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task a_test_database_is_ready_to_use_through_its_data_source()
    {
        await using NpgsqlCommand command = database.DataSource.CreateCommand("SELECT current_database()");

        (await command.ExecuteScalarAsync()).ShouldBe(database.Name);
        new NpgsqlConnectionStringBuilder(database.ConnectionString).Database.ShouldBe(database.Name);
    }

    [Fact]
    public async Task test_databases_are_isolated_and_dropped_afterwards()
    {
        var first = new TestDatabase();
        var second = new TestDatabase();
        await first.InitializeAsync();
        await second.InitializeAsync();
        try
        {
            await using (NpgsqlCommand create = first.DataSource.CreateCommand("CREATE TABLE only_here (id int)"))
            {
                await create.ExecuteNonQueryAsync();
            }

            await using NpgsqlCommand look = second.DataSource.CreateCommand("SELECT to_regclass('only_here') IS NULL");
            (await look.ExecuteScalarAsync()).ShouldBe(true);
            first.Name.ShouldNotBe(second.Name);
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }

        await using NpgsqlCommand exists = database.DataSource.CreateCommand(
            "SELECT count(*) FROM pg_database WHERE datname = ANY($1)");
        exists.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [first.Name, second.Name] });
        (await exists.ExecuteScalarAsync()).ShouldBe(0L);
    }

    [Fact]
    public void fixture_paths_find_the_repository_and_the_shared_fixtures()
    {
        File.Exists(Path.Combine(FixturePaths.RepositoryRoot, "Ltv.EventSourced.sln")).ShouldBeTrue();
        File.Exists(FixturePaths.Fixture("cdnow", "CDNOW_sample.txt")).ShouldBeTrue();
    }
}
