using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ltv.Testing;

// Says, once per test process, which PostgreSQL server the tests run against. dotnet test does not show what a
// test host writes to the console, so the line also goes to xunit's diagnostic messages (shown by dotnet test,
// xunit.runner.json turns them on) and is appended to the file LTV_TEST_SERVER_LOG names (.ci/run prints it).
internal static class ServerNotice
{
    public const string LogVariable = "LTV_TEST_SERVER_LOG";

    private static string? _line;
    private static int _shown;

    public static void Write(string description)
    {
        string line = $"ltv tests ({TestAssemblyName()}): PostgreSQL is {description}";
        _line = line;
        Console.Error.WriteLine(line);
        if (Environment.GetEnvironmentVariable(LogVariable) is { Length: > 0 } log)
        {
            File.AppendAllText(log, line + Environment.NewLine);
        }
    }

    // Fixtures get a sink from xunit; the first one to come after the server started shows the line.
    public static void ShowIn(IMessageSink? diagnostics)
    {
        if (diagnostics is not null && _line is { } line && Interlocked.Exchange(ref _shown, 1) == 0)
        {
            diagnostics.OnMessage(new DiagnosticMessage(line));
        }
    }

    // The test host's own name says nothing; the test assembly it loaded does.
    private static string TestAssemblyName() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.GetName().Name)
            .FirstOrDefault(name => name is not null && name.EndsWith(".Tests", StringComparison.Ordinal))
        ?? AppDomain.CurrentDomain.FriendlyName;
}
