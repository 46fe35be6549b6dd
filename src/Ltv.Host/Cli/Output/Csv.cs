namespace Ltv.Host.Cli.Output;

/// <summary>RFC 4180 CSV lines.</summary>
public static class Csv
{
    public static string Line(params string?[] fields) => string.Join(',', fields.Select(Field));

    private static string Field(string? value)
    {
        if (value is null)
        {
            return "";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
