namespace Ltv.Domain.Events;

/// <summary>The raw event types, as the input writes them (upper case, exact).</summary>
public static class EventTypes
{
    public const string Customer = "CUSTOMER";
    public const string SiteVisit = "SITE_VISIT";
    public const string Image = "IMAGE";
    public const string Order = "ORDER";
}

/// <summary>The raw event verbs, as the input writes them (upper case, exact).</summary>
public static class EventVerbs
{
    public const string New = "NEW";
    public const string Update = "UPDATE";
    public const string Upload = "UPLOAD";
}
