using Ltv.Host.LocalPostgres;

namespace Ltv.Host.Tests.LocalPostgres;

public sealed class LocalPostgresOptionsTests
{
    [Fact]
    public void root_gets_a_system_folder_owned_by_the_postgres_account()
    {
        LocalPostgresOptions options = LocalPostgresOptions.Resolve(Environment(("HOME", "/root")), "root");

        options.DataDirectory.ShouldBe("/var/lib/ltv/postgres");
        options.ServiceAccount.ShouldBe("postgres");
    }

    [Fact]
    public void an_ordinary_user_gets_a_folder_under_xdg_data_home_and_runs_the_server_itself()
    {
        LocalPostgresOptions options = LocalPostgresOptions.Resolve(
            Environment(("HOME", "/home/ann"), ("XDG_DATA_HOME", "/data/ann")), "ann");

        options.DataDirectory.ShouldBe("/data/ann/ltv/postgres");
        options.ServiceAccount.ShouldBeNull();
    }

    [Fact]
    public void without_xdg_data_home_an_ordinary_user_gets_a_folder_under_local_share()
    {
        LocalPostgresOptions options = LocalPostgresOptions.Resolve(Environment(("HOME", "/home/ann")), "ann");

        options.DataDirectory.ShouldBe("/home/ann/.local/share/ltv/postgres");
    }

    [Fact]
    public void a_relative_xdg_data_home_is_ignored_as_the_spec_says()
    {
        LocalPostgresOptions options = LocalPostgresOptions.Resolve(
            Environment(("HOME", "/home/ann"), ("XDG_DATA_HOME", "relative/data")), "ann");

        options.DataDirectory.ShouldBe("/home/ann/.local/share/ltv/postgres");
    }

    [Fact]
    public void ltv_data_dir_and_ltv_pg_bin_win_over_the_defaults()
    {
        LocalPostgresOptions options = LocalPostgresOptions.Resolve(
            Environment(("HOME", "/root"), ("LTV_DATA_DIR", "/srv/ltv"), ("LTV_PG_BIN", "/opt/pg/bin")), "root");

        options.DataDirectory.ShouldBe("/srv/ltv");
        options.BinDirectory.ShouldBe("/opt/pg/bin");
        options.ServiceAccount.ShouldBe("postgres");
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.Where(variable => variable.Name == name).Select(variable => variable.Value).FirstOrDefault();
}
