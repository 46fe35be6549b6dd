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

    private static async Task<string> ShowAsync(NpgsqlDataSource dataSource, string setting)
    {
        await using (dataSource)
        {
            await using var command = dataSource.CreateCommand($"show {setting}");
            return (string)(await command.ExecuteScalarAsync())!;
        }
    }
}
