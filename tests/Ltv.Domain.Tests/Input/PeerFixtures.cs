using System.Runtime.CompilerServices;

namespace Ltv.Domain.Tests.Input;

/// <summary>The real event files of other people's solutions, kept next to the repository in shared/fixtures/peers.</summary>
internal static class PeerFixtures
{
    private static readonly Lazy<string> Folder = new(() => Locate());

    public static string PathOf(string fileName) => Path.Combine(Folder.Value, fileName);

    // Builds may put their output outside the repository (--artifacts-path), so the source location is searched too.
    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        string[] starts = [AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty];
        foreach (string start in starts.Where(s => s.Length > 0))
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "shared", "fixtures", "peers");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"No shared/fixtures/peers folder above {string.Join(" or ", starts)}.");
    }
}
