using System.Runtime.CompilerServices;

namespace Ltv.Testing;

// Locates the repository and the shared fixtures from wherever the test assembly was built to
// (bin/, or a private --artifacts-path), so tests never depend on the working directory.
public static class FixturePaths
{
    private const string SolutionFile = "Ltv.EventSourced.sln";

    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    // The shared folder sits beside the repository: <parent>/main and <parent>/shared.
    public static string SharedFolder
    {
        get
        {
            string shared = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(shared)
                ? shared
                : throw new DirectoryNotFoundException($"The shared folder {shared} (beside the repository) does not exist");
        }
    }

    // Files under shared/fixtures, e.g. Fixture("cdnow", "CDNOW_sample.txt").
    public static string Fixture(params string[] relativeParts)
    {
        string path = Path.Combine([SharedFolder, "fixtures", .. relativeParts]);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"Shared fixture {path} does not exist", path);
    }

    public static string InRepository(params string[] relativeParts) =>
        Path.Combine([RepositoryRoot, .. relativeParts]);

    private static string FindRepositoryRoot() => FindRepositoryRoot(SourceFolder());

    // Artifacts may live outside the repository (--artifacts-path /tmp/...): then the folder this
    // file was compiled from, and last the working folder, lead back to it.
    private static string FindRepositoryRoot(string? sourceFolder)
    {
        string?[] starts = [AppContext.BaseDirectory, sourceFolder, Environment.CurrentDirectory];
        foreach (string start in starts.OfType<string>())
        {
            for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
                {
                    return folder.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"No folder containing {SolutionFile} above {string.Join(" or ", starts)}");
    }

    private static string? SourceFolder([CallerFilePath] string sourceFile = "") =>
        Path.IsPathRooted(sourceFile) ? Path.GetDirectoryName(sourceFile) : null;
}
