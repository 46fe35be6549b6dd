using Ltv.Host.Cli;

namespace Ltv.Host;

public static class Program
{
    public static Task<int> Main(string[] args) => LtvCli.RunAsync(args);
}
