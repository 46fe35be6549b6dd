namespace Ltv.Host.Cli.Output;

/// <summary>What a table shows for a customer without a last name, so that the two reasons never look alike.</summary>
public static class LastNames
{
    public const string NoCustomerEvent = "(no CUSTOMER event yet)";

    public const string NotGiven = "(no last name given)";
}
