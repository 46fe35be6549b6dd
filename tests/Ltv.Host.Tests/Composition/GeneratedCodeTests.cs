using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using Ltv.Host.Composition;
using Ltv.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ltv.Host.Tests.Composition;

/// <summary>
/// The product runs Wolverine's handler code as committed (TypeLoadMode.Static), never compiled at run time: the
/// committed code must be what the messages and handlers generate today.
/// </summary>
public sealed class GeneratedCodeTests
{
    private static readonly string Committed = FixturePaths.InRepository("src", "Ltv.Host", "Internal", "Generated");

    [Fact]
    public void the_committed_handler_code_is_what_ltv_codegen_write_generates_from_the_handlers_of_today()
    {
        var folder = Directory.CreateTempSubdirectory("ltv-codegen-");
        try
        {
            using (var host = GeneratedCodeHost.Build(folder.FullName))
            {
                var collections = host.Services.GetServices<ICodeFileCollection>().ToArray();
                new DynamicCodeBuilder(host.Services, collections) { ServiceVariableSource = host.Services.GetService<IServiceVariableSource>() }
                    .WriteGeneratedCode(_ => { });
            }

            var generated = Files(Path.Combine(folder.FullName, "Internal", "Generated"));
            generated.Keys.ShouldNotBeEmpty();
            Files(Committed).ShouldBe(generated, "the committed code is stale: run ./ltv codegen write and commit src/Ltv.Host/Internal/Generated");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void the_product_ships_without_a_compiler()
    {
        var output = Path.GetDirectoryName(typeof(LtvStartup).Assembly.Location)!;

        Directory.GetFiles(output, "Microsoft.CodeAnalysis*.dll").ShouldBeEmpty();
        Directory.GetFiles(output, "*RuntimeCompil*.dll").ShouldBeEmpty();
    }

    private static SortedDictionary<string, string> Files(string folder) => new(
        Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f), f => File.ReadAllText(f).ReplaceLineEndings("\n")),
        StringComparer.Ordinal);
}
