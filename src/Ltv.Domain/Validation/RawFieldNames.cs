namespace Ltv.Domain.Validation;

/// <summary>Field names of the raw input, exactly as the challenge writes them (case-sensitive).</summary>
public static class RawFieldNames
{
    public const string Type = "type";
    public const string Verb = "verb";
    public const string Key = "key";
    public const string EventTime = "event_time";
    public const string CustomerId = "customer_id";
    public const string LastName = "last_name";
    public const string City = "adr_city";
    public const string State = "adr_state";
    public const string Tags = "tags";
    public const string CameraMake = "camera_make";
    public const string CameraModel = "camera_model";
    public const string TotalAmount = "total_amount";
}
