namespace Ltv.Domain.Events;

/// <summary>
/// Stored type names: explicit and versioned, never CLR names, because they live in the database
/// for ever. A changed payload shape gets a new version, and the old one stays readable.
/// </summary>
public static class StoredEventTypes
{
    public const string CustomerRegistered = "customer_registered.v1";
    public const string CustomerDetailsChanged = "customer_details_changed.v1";
    public const string SiteVisited = "site_visited.v1";
    public const string ImageUploaded = "image_uploaded.v1";
    public const string OrderPlaced = "order_placed.v1";
    public const string OrderAmended = "order_amended.v1";

    public static IReadOnlyList<string> All { get; } =
    [
        CustomerRegistered,
        CustomerDetailsChanged,
        SiteVisited,
        ImageUploaded,
        OrderPlaced,
        OrderAmended,
    ];
}

/// <summary>Field names of the stored JSON. SQL projections read them with ->>, so they never change within a version.</summary>
public static class StoredEventFields
{
    public const string CustomerId = "customerId";
    public const string EventTime = "eventTime";
    public const string Extra = "extra";
    public const string LastName = "lastName";
    public const string City = "city";
    public const string State = "state";
    public const string PageId = "pageId";
    public const string Tags = "tags";
    public const string ImageId = "imageId";
    public const string CameraMake = "cameraMake";
    public const string CameraModel = "cameraModel";
    public const string OrderId = "orderId";
    public const string Amount = "amount";
    public const string Currency = "currency";
}
