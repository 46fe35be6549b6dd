using Ltv.Domain.Lifetime;
using Ltv.Projections;
using Ltv.Host.Composition;
using Ltv.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ltv.Host.Tests.Composition;

public sealed class SessionOptionsTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    [Fact]
    public async Task the_product_sessions_run_without_jit_whatever_the_server_default()
    {
        (await ShowAsync(new NpgsqlDataSourceBuilder(app.Database.ConnectionString).Build(), "jit")).ShouldBe("on");
        await using var services = new ServiceCollection()
            .AddLtvStore(app.Database.ConnectionString, new LtvOptions(SchemaName.From("session_options"), LtvSettings.Default))
            .BuildServiceProvider();

        (await ShowAsync(services.GetRequiredService<NpgsqlDataSource>(), "jit")).ShouldBe("off");
    }

    [Fact]
    public void startup_options_already_in_the_connection_string_are_kept()
    {
        var applied = new NpgsqlConnectionStringBuilder(SessionOptions.Apply("Host=db;Options=-c statement_timeout=5s"));

        applied.Options.ShouldBe("-c statement_timeout=5s -c jit=off");
        applied.Host.ShouldBe("db");
    }

    [Fact]
    public async Task the_product_sessions_prepare_a_statement_on_its_second_use()
    {
        await using var services = new ServiceCollection()
            .AddLtvStore(app.Database.ConnectionString, new LtvOptions(SchemaName.From("session_options"), LtvSettings.Default))
            .BuildServiceProvider();
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        const string Probe = "select 41 + 1";

        for (var use = 1; use <= SessionOptions.UsesBeforePreparing; use++)
        {
            await using var probe = new NpgsqlCommand(Probe, connection);
            (await probe.ExecuteScalarAsync()).ShouldBe(42);
        }

        await using var prepared = new NpgsqlCommand("select count(*) from pg_prepared_statements where statement = @probe", connection);
        prepared.Parameters.AddWithValue("probe", Probe);
        (await prepared.ExecuteScalarAsync()).ShouldBe(1L);
    }

    [Fact]
    public void a_preparation_limit_already_in_the_connection_string_is_kept()
    {
        var applied = new NpgsqlConnectionStringBuilder(SessionOptions.Apply("Host=db;Max Auto Prepare=7"));

        applied.MaxAutoPrepare.ShouldBe(7);
        new NpgsqlConnectionStringBuilder(SessionOptions.Apply("Host=db;Max Auto Prepare=0")).MaxAutoPrepare.ShouldBe(0);
        new NpgsqlConnectionStringBuilder(SessionOptions.Apply("Host=db;max auto prepare=0")).MaxAutoPrepare.ShouldBe(0);
        new NpgsqlConnectionStringBuilder(SessionOptions.Apply("Host=db")).MaxAutoPrepare.ShouldBe(SessionOptions.PreparedStatements);
    }

    private static async Task<string> ShowAsync(NpgsqlDataSource dataSource, string setting)
    {
        await using (dataSource)
        {
            await using var command = dataSource.CreateCommand($"show {setting}");
            return (string)(await command.ExecuteScalarAsync())!;
        }
    }
}
