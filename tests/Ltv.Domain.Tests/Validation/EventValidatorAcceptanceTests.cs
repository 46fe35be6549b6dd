using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using static Ltv.Domain.Events.CustomerEvent;
using static Ltv.Domain.Tests.Validation.RawEvents;

namespace Ltv.Domain.Tests.Validation;

public sealed class EventValidatorAcceptanceTests
{
    private static readonly CustomerId Customer = new("96f55c7d8f42");

    [Fact]
    public void a_customer_new_event_becomes_customer_registered_whose_stream_is_its_key()
    {
        Accept("""{"type": "CUSTOMER", "verb": "NEW", "key": "96f55c7d8f42", "event_time": "2017-01-06T12:46:46.384Z", "last_name": "Smith", "adr_city": "Middletown", "adr_state": "AK"}""")
            .ShouldBe(new CustomerRegistered(Customer, Time("2017-01-06T12:46:46.384Z"), "Smith", "Middletown", "AK"));
    }

    [Fact]
    public void a_customer_update_event_becomes_customer_details_changed()
    {
        Accept("""{"type": "CUSTOMER", "verb": "UPDATE", "key": "96f55c7d8f42", "event_time": "2017-01-06T12:46:46.384Z", "last_name": "Jones", "adr_city": null}""")
            .ShouldBe(new CustomerDetailsChanged(Customer, Time("2017-01-06T12:46:46.384Z"), "Jones", null, null));
    }

    [Fact]
    public void a_site_visit_becomes_site_visited_with_its_tags_kept_as_json()
    {
        Accept("""{"type": "SITE_VISIT", "verb": "NEW", "key": "ac05e815502f", "event_time": "2017-01-06T12:45:52.041Z", "customer_id": "96f55c7d8f42", "tags": [{"some key": "some value"}]}""")
            .ShouldBe(new SiteVisited(Customer, "ac05e815502f", Time("2017-01-06T12:45:52.041Z"), """[{"some key":"some value"}]"""));
    }

    [Theory]
    [InlineData("{\"some key\": \"some value\"}", """{"some key":"some value"}""")]
    [InlineData("[]", "[]")]
    [InlineData("\"summer\"", "\"summer\"")]
    [InlineData("42", "42")]
    [InlineData("null", null)]
    public void site_visit_tags_may_be_any_json_and_null_means_none(string tags, string? kept)
    {
        Accept(With("SITE_VISIT", "tags", tags)).ShouldBeOfType<SiteVisited>().TagsJson.ShouldBe(kept);
        Accept(With("SITE_VISIT", "tags", null)).ShouldBeOfType<SiteVisited>().TagsJson.ShouldBeNull();
    }

    [Fact]
    public void an_image_upload_becomes_image_uploaded()
    {
        Accept("""{"type": "IMAGE", "verb": "UPLOAD", "key": "d8ede43b1d9f", "event_time": "2017-01-06T12:47:12.344Z", "customer_id": "96f55c7d8f42", "camera_make": "Canon", "camera_model": "EOS 80D"}""")
            .ShouldBe(new ImageUploaded(Customer, "d8ede43b1d9f", Time("2017-01-06T12:47:12.344Z"), "Canon", "EOS 80D"));
    }

    [Fact]
    public void an_order_new_becomes_order_placed_and_an_order_update_becomes_order_amended()
    {
        const string Order = """{"type": "ORDER", "verb": "VERB", "key": "68d84e5d1a43", "event_time": "2017-01-06T12:55:55.555Z", "customer_id": "96f55c7d8f42", "total_amount": "12.34 USD"}""";

        Accept(Order.Replace("VERB", "NEW", StringComparison.Ordinal))
            .ShouldBe(new OrderPlaced(Customer, "68d84e5d1a43", Time("2017-01-06T12:55:55.555Z"), Money.InUsd(12.34m)));
        Accept(Order.Replace("VERB", "UPDATE", StringComparison.Ordinal))
            .ShouldBe(new OrderAmended(Customer, "68d84e5d1a43", Time("2017-01-06T12:55:55.555Z"), Money.InUsd(12.34m)));
    }

    [Fact]
    public void integer_ids_are_taken_as_their_decimal_text()
    {
        var order = Accept("""{"type": "ORDER", "verb": "UPDATE", "key": 91, "customer_id": 6, "event_time": "2015-01-08T02:16:50", "total_amount": 12.5}""")
            .ShouldBeOfType<OrderAmended>();

        order.OrderId.ShouldBe("91");
        order.CustomerId.ShouldBe(new CustomerId("6"));
        Accept(With("CUSTOMER", "key", "-3")).CustomerId.Value.ShouldBe("-3");
        Accept(With("SITE_VISIT", "key", "123456789012345678901234567890")).Identity.Key.ShouldBe("123456789012345678901234567890");
    }

    [Fact]
    public void optional_fields_may_be_null_or_absent()
    {
        Accept("""{"type": "CUSTOMER", "verb": "NEW", "key": 3, "event_time": "2015-01-08T02:16:50", "last_name": null, "adr_city": null, "adr_state": null}""")
            .ShouldBe(new CustomerRegistered(new CustomerId("3"), Time("2015-01-08T02:16:50Z"), null, null, null));
        Accept(With("IMAGE", "camera_make", null)).ShouldBeOfType<ImageUploaded>().CameraMake.ShouldBeNull();
        Accept(With("IMAGE", "camera_model", "null")).ShouldBeOfType<ImageUploaded>().CameraModel.ShouldBeNull();
    }

    [Fact]
    public void unknown_extra_fields_are_kept_as_one_json_object_sorted_by_name()
    {
        var visit = Accept("""{"type": "SITE_VISIT", "verb": "NEW", "key": "k", "event_time": "2017-01-06T12:45:52Z", "customer_id": "c", "siteinfo": [{"b": 2, "a": 1}], "Referrer": null}""");

        visit.Extra.ShouldBe("""{"Referrer":null,"siteinfo":[{"a":1,"b":2}]}""");
    }

    [Fact]
    public void fields_of_another_type_are_extra_fields_too()
    {
        Accept(With("CUSTOMER", "customer_id", "\"someone-else\"")).Extra.ShouldBe("""{"customer_id":"someone-else"}""");
        Accept(With("SITE_VISIT", "total_amount", "\"1 USD\"")).Extra.ShouldBe("""{"total_amount":"1 USD"}""");
    }

    [Fact]
    public void an_event_without_unknown_fields_has_no_extra()
    {
        Accept(With("ORDER", "verb", "\"NEW\"")).Extra.ShouldBeNull();
    }

    [Fact]
    public void the_same_event_written_in_another_field_order_or_spacing_is_an_equal_event()
    {
        CustomerEvent compact = Accept("""{"type":"SITE_VISIT","verb":"NEW","key":"k","event_time":"2017-01-06T12:45:52Z","customer_id":"c","tags":{"x":1,"y":[1,2]},"more":1}""");
        CustomerEvent pretty = Accept("""
            {
                "more": 1,
                "tags": { "y": [ 1, 2 ], "x": 1 },
                "customer_id": "c", "event_time": "2017-01-06 12:45:52", "key": "k", "verb": "NEW", "type": "SITE_VISIT"
            }
            """);

        pretty.ShouldBe(compact);
        CustomerEventCodec.Encode(pretty).ShouldBe(CustomerEventCodec.Encode(compact));
    }

    [Fact]
    public void ids_keep_their_spaces_and_case_exactly()
    {
        Accept(With("ORDER", "customer_id", "\" Abc \"")).CustomerId.Value.ShouldBe(" Abc ");
    }

    private static DateTimeOffset Time(string utc) => Ltv.Domain.Tests.Events.SampleEvents.At(utc);
}
