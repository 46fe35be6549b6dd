using Ltv.Domain.Customers;

namespace Ltv.Domain.Events;

/// <summary>
/// Everything that can happen to a customer. The hierarchy is closed (private constructor, nested
/// sealed records) so that every switch over it is checked by the compiler.
/// </summary>
public abstract record CustomerEvent
{
    private readonly DateTimeOffset _eventTime;

    private CustomerEvent(CustomerId customerId, DateTimeOffset eventTime, string? extra)
    {
        CustomerId = customerId;
        EventTime = eventTime;
        Extra = extra;
    }

    public CustomerId CustomerId { get; init; }

    /// <summary>UTC, whole microseconds, whatever shape it was given in (also through <c>with</c>).</summary>
    public DateTimeOffset EventTime
    {
        get => _eventTime;
        init => _eventTime = EventTimestamp.Normalize(value);
    }

    /// <summary>The raw object's fields this model does not know, as a JSON object; null when none.</summary>
    public string? Extra { get; init; }

    public abstract EventIdentity Identity { get; }

    /// <summary>CUSTOMER NEW.</summary>
    public sealed record CustomerRegistered(
        CustomerId CustomerId,
        DateTimeOffset EventTime,
        string? LastName,
        string? City,
        string? State,
        string? Extra = null) : CustomerEvent(CustomerId, EventTime, Extra)
    {
        public override EventIdentity Identity =>
            new(CustomerId, EventTypes.Customer, EventVerbs.New, CustomerId.Value, EventTime);
    }

    /// <summary>CUSTOMER UPDATE.</summary>
    public sealed record CustomerDetailsChanged(
        CustomerId CustomerId,
        DateTimeOffset EventTime,
        string? LastName,
        string? City,
        string? State,
        string? Extra = null) : CustomerEvent(CustomerId, EventTime, Extra)
    {
        public override EventIdentity Identity =>
            new(CustomerId, EventTypes.Customer, EventVerbs.Update, CustomerId.Value, EventTime);
    }

    /// <summary>SITE_VISIT NEW. Tags are kept as raw JSON (any JSON value), null when absent.</summary>
    public sealed record SiteVisited(
        CustomerId CustomerId,
        string PageId,
        DateTimeOffset EventTime,
        string? TagsJson,
        string? Extra = null) : CustomerEvent(CustomerId, EventTime, Extra)
    {
        public override EventIdentity Identity =>
            new(CustomerId, EventTypes.SiteVisit, EventVerbs.New, PageId, EventTime);
    }

    /// <summary>IMAGE UPLOAD.</summary>
    public sealed record ImageUploaded(
        CustomerId CustomerId,
        string ImageId,
        DateTimeOffset EventTime,
        string? CameraMake,
        string? CameraModel,
        string? Extra = null) : CustomerEvent(CustomerId, EventTime, Extra)
    {
        public override EventIdentity Identity =>
            new(CustomerId, EventTypes.Image, EventVerbs.Upload, ImageId, EventTime);
    }

    /// <summary>ORDER NEW.</summary>
    public sealed record OrderPlaced(
        CustomerId CustomerId,
        string OrderId,
        DateTimeOffset EventTime,
        Money Amount,
        string? Extra = null) : CustomerEvent(CustomerId, EventTime, Extra)
    {
        public override EventIdentity Identity =>
            new(CustomerId, EventTypes.Order, EventVerbs.New, OrderId, EventTime);
    }

    /// <summary>ORDER UPDATE: the order's amount as of this event's time.</summary>
    public sealed record OrderAmended(
        CustomerId CustomerId,
        string OrderId,
        DateTimeOffset EventTime,
        Money Amount,
        string? Extra = null) : CustomerEvent(CustomerId, EventTime, Extra)
    {
        public override EventIdentity Identity =>
            new(CustomerId, EventTypes.Order, EventVerbs.Update, OrderId, EventTime);
    }
}
