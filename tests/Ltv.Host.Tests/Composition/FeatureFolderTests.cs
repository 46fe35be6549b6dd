using System.Text.RegularExpressions;
using Ltv.Testing;

namespace Ltv.Host.Tests.Composition;

/// <summary>
/// Host is cut by feature: a feature folder uses its own types and the shared kernel's (every folder that is not a
/// feature: Api and Cli plumbing, Composition's options, LocalPostgres), never another feature's. Only the composition
/// roots put the features together. Read from the source: a type is the folder that declares it.
/// </summary>
public sealed partial class FeatureFolderTests
{
    private static readonly string Host = FixturePaths.InRepository("src", "Ltv.Host");

    private static readonly string[] Features = ["Top", "Customers", "Summary", "Histogram", "Stats", "Clv", "ReadModels", "Ingestion", "Generation", "Cdnow"];

    // Where the product is put together, and the benchmark, which drives the whole product as a user would.
    private static readonly string[] CompositionRoots =
    [
        "Program.cs", "Cli/LtvCli.cs", "Api/ApiHost.cs", "Composition/LtvStartup.cs", "Composition/ServiceCollectionExtensions.cs",
        "Composition/GeneratedCodeHost.cs", "Benchmark/",
    ];

    [Fact]
    public void no_file_outside_the_composition_roots_uses_a_type_of_another_feature_folder()
    {
        var owners = TypeOwners();
        var crossings = SourceFiles()
            .Where(file => !CompositionRoots.Any(root => file.Relative.StartsWith(root, StringComparison.Ordinal)))
            .SelectMany(file => OtherFeaturesUsed(file, owners).Select(use => $"{file.Relative} uses {use}"))
            .ToList();

        crossings.ShouldBeEmpty(string.Join("\n", crossings));
    }

    [Fact]
    public void the_scan_sees_the_cli_root_use_every_feature_with_a_command()
    {
        var owners = TypeOwners();
        var root = SourceFiles().Single(file => file.Relative == "Cli/LtvCli.cs");

        OtherFeaturesUsed(root, owners).Select(use => use[(use.IndexOf('(', StringComparison.Ordinal) + 1)..^1]).Distinct()
            .ShouldBe(["Cdnow", "Clv", "Customers", "Generation", "Histogram", "Ingestion", "ReadModels", "Stats", "Summary", "Top"], ignoreOrder: true);
    }

    private static IEnumerable<string> OtherFeaturesUsed(SourceFile file, IReadOnlyDictionary<string, string> owners) =>
        Identifier().Matches(WithoutComments(file.Text)).Select(m => m.Value).Distinct()
            .Where(name => owners.TryGetValue(name, out var owner) && owner != file.Folder && Features.Contains(owner))
            .Select(name => $"{name} ({owners[name]})")
            .Order(StringComparer.Ordinal);

    private static Dictionary<string, string> TypeOwners()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles())
        {
            foreach (Match declared in Declaration().Matches(file.Text))
            {
                // A name declared in two folders could hide a crossing: there is none today, and this says so if one comes.
                owners.TryAdd(declared.Groups[1].Value, file.Folder).ShouldBeTrue($"{declared.Groups[1].Value} is declared twice");
            }
        }

        return owners;
    }

    private static IEnumerable<SourceFile> SourceFiles() =>
        Directory.EnumerateFiles(Host, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Host, path).Replace('\\', '/'))
            .Where(relative => !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal)
                && !relative.StartsWith("Internal/", StringComparison.Ordinal))
            .Select(relative => new SourceFile(relative, File.ReadAllText(Path.Combine(Host, relative))));

    private static string WithoutComments(string text) => LineComment().Replace(text, "");

    private sealed record SourceFile(string Relative, string Text)
    {
        public string Folder => Relative.Contains('/', StringComparison.Ordinal) ? Relative[..Relative.IndexOf('/', StringComparison.Ordinal)] : ".";
    }

    [GeneratedRegex(@"\b(?:class|record|struct|enum|interface|delegate\s+\S+)\s+([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"//.*")]
    private static partial Regex LineComment();
}
