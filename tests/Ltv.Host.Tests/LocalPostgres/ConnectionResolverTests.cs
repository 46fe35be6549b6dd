using Ltv.Host.LocalPostgres;

namespace Ltv.Host.Tests.LocalPostgres;

public sealed class ConnectionResolverTests
{
    private const string FromCommandLine = "Host=cli.example;Database=a;Username=u;Password=secret-cli";
    private const string FromEnvironment = "Host=env.example;Database=b;Username=u;Password=secret-env";
    private const string FromConfiguration = "Host=config.example;Database=c;Username=u";

    [Fact]
    public async Task the_command_line_wins_over_environment_and_configuration()
    {
        ResolvedConnection resolved = await Resolver(FromEnvironment).ResolveAsync(FromCommandLine, FromConfiguration);

        resolved.ConnectionString.ShouldBe(FromCommandLine);
        resolved.Source.ShouldBe(ConnectionSource.CommandLine);
        resolved.Description.ShouldContain("--connection");
        resolved.Description.ShouldContain("cli.example");
        resolved.Description.ShouldNotContain("secret");
    }

    [Fact]
    public async Task the_environment_wins_over_configuration()
    {
        ResolvedConnection resolved = await Resolver(FromEnvironment).ResolveAsync("  ", FromConfiguration);

        resolved.ConnectionString.ShouldBe(FromEnvironment);
        resolved.Source.ShouldBe(ConnectionSource.EnvironmentVariable);
        resolved.Description.ShouldContain("LTV_CONNECTION");
        resolved.Description.ShouldNotContain("secret");
    }

    [Fact]
    public async Task configuration_is_used_when_nothing_else_is_given()
    {
        ResolvedConnection resolved = await Resolver(null).ResolveAsync(null, FromConfiguration);

        resolved.ConnectionString.ShouldBe(FromConfiguration);
        resolved.Source.ShouldBe(ConnectionSource.Configuration);
    }

    [Fact]
    public async Task an_invalid_connection_string_names_its_source_but_not_its_content()
    {
        var error = await Should.ThrowAsync<ArgumentException>(
            () => Resolver(null).ResolveAsync("Hots=typo;Password=secret", null));

        error.Message.ShouldContain("--connection");
        error.Message.ShouldNotContain("secret");
    }

    [Fact]
    public async Task with_nothing_given_the_local_cluster_is_started()
    {
        var resolver = new ConnectionResolver(_ => null, () => new LocalPostgresCluster());

        ResolvedConnection resolved = await resolver.ResolveAsync(null, null);

        resolved.Source.ShouldBe(ConnectionSource.LocalCluster);
        resolved.ConnectionString.ShouldBe(await new LocalPostgresCluster().EnsureStartedAsync());
        (await Sql.ScalarAsync<int>(resolved.ConnectionString, "SELECT 1")).ShouldBe(1);
    }

    // The local cluster must not even be created when an explicit connection is given.
    private static ConnectionResolver Resolver(string? environmentValue) =>
        new(name => name == ConnectionResolver.EnvironmentVariable ? environmentValue : null,
            () => throw new InvalidOperationException("the local cluster should not be touched"));
}
