using System.Text.Json;

namespace Ltv.Host.Cli.Output;

/// <summary>The JSON settings of every --format json output: camelCase, indented.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
