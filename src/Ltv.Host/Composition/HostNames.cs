using System.Text.RegularExpressions;

namespace Ltv.Host.Composition;

/// <summary>What LTV_HOST_NAME may be: short, and plain enough to read in a status table and a database session list.</summary>
public static partial class HostNames
{
    public static string Checked(string name) =>
        Plain().IsMatch(name)
            ? name
            : throw new UserError($"LTV_HOST_NAME must be 1 to 40 letters, digits, '.', '_' or '-'; it is '{name}'.");

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$")]
    private static partial Regex Plain();
}
