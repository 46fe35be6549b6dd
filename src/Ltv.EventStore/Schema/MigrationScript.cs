using System.Reflection;

namespace Ltv.EventStore.Schema;

/// <summary>
/// One numbered SQL script. <c>{schema}</c> in its text stands for the configured schema name.
/// Scripts are applied once each, in the order of their ids.
/// </summary>
/// <param name="Id">A unique, sortable id such as <c>001_event_store</c>.</param>
/// <param name="Sql">The script text.</param>
public sealed record MigrationScript(string Id, string Sql)
{
    /// <summary>Loads every embedded resource ending in <c>.sql</c> from an assembly, named after the file.</summary>
    public static IReadOnlyList<MigrationScript> FromEmbeddedResources(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var fileName = resource[..^4];
            var id = fileName[(fileName.LastIndexOf('.') + 1)..];
            scripts.Add(new MigrationScript(id, reader.ReadToEnd()));
        }

        return scripts.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The script text with <c>{schema}</c> replaced.</summary>
    public string SqlFor(SchemaName schema) => Sql.Replace("{schema}", schema.Value, StringComparison.Ordinal);
}
