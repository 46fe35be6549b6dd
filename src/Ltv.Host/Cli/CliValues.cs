using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace Ltv.Host.Cli;

/// <summary>
/// Parsers for typed command-line values that say, in the user's words, what was wrong and what is allowed
/// ("--format must be table, csv or json, not 'xml'"). System.CommandLine's own conversion errors name .NET types
/// (<c>System.Nullable`1[System.Decimal]</c>) and span several lines, and a validator that reads a value the parser
/// could not convert throws instead of reporting it; a custom parser reports the mistake itself.
/// </summary>
public static class CliValues
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static T WholeNumber<T>(ArgumentResult result, string name, T min, T max)
        where T : struct, IBinaryInteger<T> =>
        Parse<T>(result, name, NumberStyles.AllowLeadingSign, v => v >= min && v <= max, FormattableString.Invariant($"a whole number from {min} to {max}"));

    /// <summary>A number (a decimal fraction allowed) for which <paramref name="allowed"/> holds; <paramref name="rule"/> says which.</summary>
    public static T Number<T>(ArgumentResult result, string name, Func<T, bool> allowed, string rule)
        where T : struct, INumberBase<T> =>
        Parse<T>(result, name, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, allowed, rule);

    /// <summary>One of the named <paramref name="choices"/>, case-insensitively.</summary>
    public static T Choice<T>(ArgumentResult result, string name, params (string Name, T Value)[] choices)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(choices);
        var text = Token(result);
        foreach (var (choiceName, value) in choices)
        {
            if (string.Equals(choiceName, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        result.AddError($"{name} must be {Alternatives([.. choices.Select(c => c.Name)])}, not '{text}'.");
        return default!;
    }

    /// <summary>The names as a user would list them: "table, csv or json".</summary>
    public static string Alternatives(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Count <= 1 ? string.Join("", names) : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
    }

    private static T Parse<T>(ArgumentResult result, string name, NumberStyles styles, Func<T, bool> allowed, string rule)
        where T : struct, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = Token(result);
        if (T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) && allowed(value))
        {
            return value;
        }

        result.AddError($"{name} must be {rule}, not '{text}'.");
        return default;
    }

    // A custom parser only runs when the option or argument has a token; its arity keeps it to one.
    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
}
