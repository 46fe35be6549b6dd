using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ltv.Host.Cli.Output;

/// <summary>The JSON settings of every --format json output: camelCase, indented, non-finite numbers as null.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new NonFiniteAsNull() },
    };

    /// <summary>JSON has no infinity or NaN: a model fit that ran off to one shows null instead of failing the output.</summary>
    private sealed class NonFiniteAsNull : JsonConverter<double>
    {
        public override bool HandleNull => false;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
