using System.Text.RegularExpressions;

namespace Ltv.Projections;

/// <summary>
/// A validated PostgreSQL schema name. Schema names come from configuration and end up inside SQL text
/// (identifiers cannot be parameters), so only plain lower-case identifiers are accepted.
/// </summary>
public sealed partial record SchemaName
{
    private SchemaName(string value) => Value = value;

    /// <summary>The identifier, safe to place in SQL text unquoted.</summary>
    public string Value { get; }

    /// <summary>The default schema: <c>ltv</c>.</summary>
    public static SchemaName Default { get; } = new("ltv");

    /// <summary>Validates <paramref name="value"/> as a schema name.</summary>
    /// <exception cref="ArgumentException">When it is not a plain lower-case identifier of at most 63 characters.</exception>
    public static SchemaName From(string value)
    {
        if (value is null || !Identifier().IsMatch(value))
        {
            throw new ArgumentException(
                $"Invalid schema name '{value}': use lower-case letters, digits and '_' (at most 63, not starting with a digit).",
                nameof(value));
        }

        return new SchemaName(value);
    }

    /// <summary>Qualifies a table or function name with this schema.</summary>
    public string Qualify(string name) => $"{Value}.{name}";

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
