using System.Diagnostics;
using System.Text.RegularExpressions;
using Ltv.Host.Tests.Cli;
using Ltv.Testing;
using Npgsql;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// No secret is in the repository or in what the tool prints: connection strings carry passwords only as
/// placeholders, no private key or access token is committed, and an error about a connection never echoes it.
/// </summary>
public sealed partial class SecretScanTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    [Fact]
    public void no_tracked_file_holds_a_password_an_api_key_a_private_key_or_an_access_token()
    {
        var findings = new List<string>();
        foreach (var file in TrackedFiles())
        {
            var path = Path.Combine(FixturePaths.RepositoryRoot, file);
            if (!File.Exists(path) || new FileInfo(path).Length > 2_000_000 || IsBinary(path))
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                findings.AddRange(Findings(file, lines[i]).Select(f => $"{file}:{i + 1}: {f}"));
            }
        }

        findings.ShouldBeEmpty();
    }

    [Fact]
    public void the_scan_finds_what_it_looks_for()
    {
        // Split so that this file does not hold what it looks for.
        Findings("appsettings.json", "\"Ltv\": \"Host=db;Username=ltv;Pass" + "word=Sup3rS3cret\"").ShouldNotBeEmpty();
        Findings("src/x.cs", "var c = \"Server=db;P" + "wd=hunter2;\";").ShouldNotBeEmpty();
        Findings("appsettings.json", "\"Api" + "Key\": \"3f9a7c1e5d\"").ShouldNotBeEmpty();
        Findings("deploy.yml", "LTV_API" + "_KEY: 3f9a7c1e0b").ShouldNotBeEmpty();
        Findings("key.pem", "-----BEGIN RSA " + "PRIVATE KEY-----").ShouldNotBeEmpty();
        Findings("ci.sh", "AKIA" + "ABCDEFGHIJKLMNOP").ShouldNotBeEmpty();
        Findings("ci.sh", "token=ghp_" + new string('a', 36)).ShouldNotBeEmpty();

        Findings("docker-compose.yml", "LTV_CONNECTION: Host=postgres;Password=${POSTGRES_PASSWORD};Database=ltv").ShouldBeEmpty();
        Findings("docker-compose.yml", "LTV_API_KEY: ${LTV_API_KEY:?set LTV_API_KEY}").ShouldBeEmpty();
        Findings("README.md", "LTV_API_KEY=change-me ./ltv serve").ShouldBeEmpty();
        Findings(".ci/run", "POSTGRES_PASSWORD=ci LTV_API_KEY=ci docker-compose config -q").ShouldBeEmpty();
        Findings("README.md", "export POSTGRES_PASSWORD=<letters and digits>").ShouldBeEmpty();
        Findings("tests/A.cs", "\"Host=cli.example;Username=u;Password=secret-cli\"").ShouldBeEmpty();
        Findings("tests/A.cs", "new ApiSettings(Api" + "Key: ApiServer.Key)").ShouldBeEmpty();
        Findings("src/A.cs", "new ApiSettings(Api" + "Key: \"3f9a7c1e5d2b\")").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task an_error_about_a_connection_never_prints_its_password()
    {
        foreach (var connection in new[]
                 {
                     "Host=/nonexistent/socket;Username=u;Password=secret-hunter2;Timeout=2",
                     "Hots=typo;Username=u;Password=secret-hunter2",
                     $"{app.Database.ConnectionString};Password=secret-hunter2;Database=no_such_database",
                 })
        {
            var result = await new LtvProcess(connection).RunAsync("top", "3");

            result.ExitCode.ShouldBe(1, result.Error);
            (result.Output + result.Error).ShouldNotContain("hunter2");
            result.Error.TrimEnd('\n').Split('\n').ShouldHaveSingleItem().ShouldStartWith("ltv: ");
        }
    }

    [Fact]
    public async Task serve_never_logs_its_connection_password()
    {
        // Trust authentication on the private cluster's socket ignores a password, so one is added only to be looked
        // for; a server that checks passwords (a test container) already has its own in the connection string.
        var connection = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString);
        connection.Password ??= "secret-hunter2";
        var secret = connection.Password;
        var ltv = new LtvProcess(connection.ConnectionString);
        (await ltv.RunAsync("summary")).ExitCode.ShouldBe(0);
        await using var server = await ServeProcess.StartAsync(ltv);

        (await server.Client.GetStringAsync(new Uri("/health", UriKind.Relative))).ShouldNotContain(secret);
        (await server.Client.GetAsync(new Uri("/api/customers/no-such-customer", UriKind.Relative))).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);

        server.Log.ShouldContain("ltv serve: database");
        server.Log.ShouldNotContain(secret);
    }

    // Tests may hold fake credentials to check they are not echoed; by convention their values say so.
    private static IEnumerable<string> Findings(string file, string line)
    {
        foreach (Match match in ConnectionPassword().Matches(line))
        {
            var value = match.Groups["value"].Value;
            if (value.Length > 0 && value[0] is not ('$' or '<' or '{' or '%') && !(file.StartsWith("tests/", StringComparison.Ordinal) && value.Contains("secret", StringComparison.Ordinal)))
            {
                yield return $"a password in a connection string ({match.Groups["name"].Value}=...)";
            }
        }

        foreach (Match match in ApiKeySetting().Matches(line))
        {
            // In code, `ApiKey: settings.Key` names a value; only a literal there is one.
            var isCode = Path.GetExtension(file) is ".cs" or ".js" or ".mjs" or ".ts";
            if (!IsPlaceholder(match.Groups["value"].Value) && (!isCode || match.Groups["quote"].Length > 0))
            {
                yield return "an API key setting with a value";
            }
        }

        if (PrivateKey().IsMatch(line))
        {
            yield return "a private key";
        }

        if (AccessToken().IsMatch(line))
        {
            yield return "an access token";
        }
    }

    // An environment reference, a template, a word that says "put yours here", or too short to be a real key.
    private static bool IsPlaceholder(string value) =>
        value.Length < 8 || value[0] is '$' or '<' or '{' or '%'
        || value.Contains("change", StringComparison.OrdinalIgnoreCase) || value.Contains("example", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("""(?<![A-Za-z0-9_])(?<name>password|pwd)\s*=\s*(?<value>[^;"'\s]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionPassword();

    // "ApiKey": "...", LTV_API_KEY: ..., Ltv__ApiKey=... in configuration files, scripts and compose files.
    [GeneratedRegex("""(?<![A-Za-z0-9])(ltv_api_key|apikey|ltv__apikey)["']?\s*[:=]\s*(?<quote>["']?)(?<value>[^"'\s,})]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeySetting();

    [GeneratedRegex("-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    // AWS access key ids, GitHub and Slack tokens.
    [GeneratedRegex("AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|xox[abprs]-[A-Za-z0-9-]{10,}")]
    private static partial Regex AccessToken();

    private static IEnumerable<string> TrackedFiles()
    {
        var start = new ProcessStartInfo("git", "ls-files -z")
        {
            WorkingDirectory = FixturePaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        git.ExitCode.ShouldBe(0, "the tests run in a git checkout");
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool IsBinary(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[8000];
        var read = stream.Read(head);
        return head.AsSpan(0, read).Contains((byte)0) || (read >= 2 && head[0] == 0x1F && head[1] == 0x8B);
    }
}
