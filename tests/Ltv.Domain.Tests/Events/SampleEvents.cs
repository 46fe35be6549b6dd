using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using static Ltv.Domain.Events.CustomerEvent;

namespace Ltv.Domain.Tests.Events;

/// <summary>Short ways to write events in specs: times are UTC strings, amounts are dollars.</summary>
internal static class SampleEvents
{
    public static readonly CustomerId Alice = new("alice");

    public static readonly CustomerId Bob = new("bob");

    public static readonly CustomerId Carol = new("carol");

    public static DateTimeOffset At(string utc) =>
        DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    public static DateOnly Day(string utcDay) => DateOnly.Parse(utcDay, System.Globalization.CultureInfo.InvariantCulture);

    public static CustomerRegistered Registered(string at, string? lastName = "Smith", CustomerId? id = null) =>
        new(id ?? Alice, At(at), lastName, "Middletown", "AK");

    public static CustomerDetailsChanged DetailsChanged(string at, string? lastName, CustomerId? id = null) =>
        new(id ?? Alice, At(at), lastName, "Uptown", "NY");

    public static SiteVisited Visit(string at, string pageId = "page-1", CustomerId? id = null) =>
        new(id ?? Alice, pageId, At(at), null);

    public static ImageUploaded Image(string at, string imageId = "image-1", CustomerId? id = null) =>
        new(id ?? Alice, imageId, At(at), "Canon", "EOS 80D");

    public static OrderPlaced Placed(string orderId, string at, decimal amount, CustomerId? id = null) =>
        new(id ?? Alice, orderId, At(at), Money.InUsd(amount));

    public static OrderAmended Amended(string orderId, string at, decimal amount, CustomerId? id = null) =>
        new(id ?? Alice, orderId, At(at), Money.InUsd(amount));
}
