using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using static Ltv.Domain.Events.CustomerEvent;
using static Ltv.Domain.Tests.Events.SampleEvents;

namespace Ltv.Domain.Tests.Events;

public sealed class CustomerEventCodecTests
{
    private static readonly CustomerId Customer = new("96f55c7d8f42");
    private static readonly DateTimeOffset Time = At("2017-01-06T12:45:52.041Z");

    private static readonly CustomerEvent[] Samples =
    [
        new CustomerRegistered(Customer, Time, "Smith", "Middletown", "AK"),
        new CustomerRegistered(Customer, Time, null, null, null, """{"note":"vip"}"""),
        new CustomerDetailsChanged(Customer, Time, "Müller", "Zürich", null),
        new SiteVisited(Customer, "ac05e815502f", Time, """[{"some key":"some value"}]""", """{"siteinfo":[1,2]}"""),
        new SiteVisited(Customer, "ac05e815502f", Time, null),
        new SiteVisited(Customer, "ac05e815502f", Time, "\"plain\""),
        new ImageUploaded(Customer, "d8ede43b1d9f", Time, "Canon", "EOS 80D"),
        new ImageUploaded(Customer, "d8ede43b1d9f", Time, null, null),
        new OrderPlaced(Customer, "68d84e5d1a43", Time, Money.InUsd(12.34m)),
        new OrderAmended(Customer, "68d84e5d1a43", Time, Money.InUsd(79228162514264337593543950335m), """{"a":null}"""),
        new OrderPlaced(Customer, "68d84e5d1a43", Time, Money.InUsd(0.0000001m)),
    ];

    public static TheoryData<CustomerEvent> EveryKindOfEvent()
    {
        var data = new TheoryData<CustomerEvent>();
        foreach (CustomerEvent e in Samples)
        {
            data.Add(e);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindOfEvent))]
    public void decoding_an_encoded_event_gives_an_equal_event(CustomerEvent e)
    {
        (string typeName, string json) = CustomerEventCodec.Encode(e);

        CustomerEventCodec.Decode(typeName, json).ShouldBe(e);
    }

    [Theory]
    [MemberData(nameof(EveryKindOfEvent))]
    public void encoding_the_same_event_twice_gives_the_same_bytes(CustomerEvent e)
    {
        CustomerEventCodec.Encode(e).ShouldBe(CustomerEventCodec.Encode(e with { }));
    }

    [Fact]
    public void a_registered_customer_is_stored_with_every_profile_field_even_null()
    {
        CustomerEventCodec.Encode(new CustomerRegistered(Customer, Time, "Smith", null, "AK"))
            .ShouldBe(("customer_registered.v1", """{"customerId":"96f55c7d8f42","eventTime":"2017-01-06T12:45:52.041000Z","lastName":"Smith","city":null,"state":"AK"}"""));
    }

    [Fact]
    public void changed_customer_details_are_stored_under_their_own_type_name()
    {
        CustomerEventCodec.Encode(new CustomerDetailsChanged(Customer, Time, null, null, null)).TypeName.ShouldBe("customer_details_changed.v1");
    }

    [Fact]
    public void a_site_visit_is_stored_with_its_tags_as_json_and_its_extra_fields_as_an_object()
    {
        var visit = new SiteVisited(Customer, "ac05e815502f", Time, """[{"some key":"some value"}]""", """{"siteinfo":["x"]}""");

        CustomerEventCodec.Encode(visit).ShouldBe(("site_visited.v1",
            """{"customerId":"96f55c7d8f42","eventTime":"2017-01-06T12:45:52.041000Z","pageId":"ac05e815502f","tags":[{"some key":"some value"}],"extra":{"siteinfo":["x"]}}"""));
    }

    [Fact]
    public void a_site_visit_without_tags_or_extra_fields_omits_both()
    {
        CustomerEventCodec.Encode(new SiteVisited(Customer, "p", Time, null)).Json
            .ShouldBe("""{"customerId":"96f55c7d8f42","eventTime":"2017-01-06T12:45:52.041000Z","pageId":"p"}""");
    }

    [Fact]
    public void an_image_upload_is_stored_with_its_camera()
    {
        CustomerEventCodec.Encode(new ImageUploaded(Customer, "d8ede43b1d9f", Time, "Canon", null)).ShouldBe(("image_uploaded.v1",
            """{"customerId":"96f55c7d8f42","eventTime":"2017-01-06T12:45:52.041000Z","imageId":"d8ede43b1d9f","cameraMake":"Canon","cameraModel":null}"""));
    }

    [Theory]
    [InlineData("12.34", "12.34")]
    [InlineData("12.340000", "12.34")]
    [InlineData("92", "92")]
    [InlineData("92.00", "92")]
    [InlineData("0", "0")]
    public void an_order_amount_is_written_as_an_exact_json_number(string amount, string written)
    {
        var order = new OrderPlaced(Customer, "o1", Time, Money.InUsd(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

        CustomerEventCodec.Encode(order).ShouldBe(("order_placed.v1",
            $$"""{"customerId":"96f55c7d8f42","eventTime":"2017-01-06T12:45:52.041000Z","orderId":"o1","amount":{{written}},"currency":"USD"}"""));
    }

    [Fact]
    public void an_amended_order_is_stored_under_its_own_type_name()
    {
        CustomerEventCodec.Encode(Amended("o1", "2017-01-06T00:00:00Z", 1m)).TypeName.ShouldBe("order_amended.v1");
    }

    [Fact]
    public void a_payload_reformatted_by_jsonb_decodes_to_the_same_event()
    {
        var visit = new SiteVisited(Customer, "p", Time, """[{"a":1,"b":"ü"}]""", """{"siteinfo":["x"],"ab":true}""");
        const string Jsonb = """{"tags": [{"b": "\u00fc", "a": 1}], "extra": {"ab": true, "siteinfo": ["x"]}, "pageId": "p", "eventTime": "2017-01-06T12:45:52.041000Z", "customerId": "96f55c7d8f42"}""";

        CustomerEventCodec.Decode("site_visited.v1", Jsonb).ShouldBe(visit with { TagsJson = """[{"a":1,"b":"ü"}]""", Extra = """{"ab":true,"siteinfo":["x"]}""" });
    }

    [Fact]
    public void extra_fields_are_stored_in_canonical_form_whatever_form_the_event_holds()
    {
        var visit = new SiteVisited(Customer, "p", Time, null, """{ "z": 1, "a": [ 2 ] }""");

        CustomerEventCodec.Encode(visit).Json.ShouldEndWith(""","extra":{"a":[2],"z":1}}""");
    }

    [Fact]
    public void extra_fields_that_are_not_an_object_cannot_be_stored()
    {
        Should.Throw<ArgumentException>(() => CustomerEventCodec.Encode(new SiteVisited(Customer, "p", Time, null, "[1]")));
    }

    [Fact]
    public void every_stored_type_name_decodes()
    {
        StoredEventTypes.All.ShouldBe(
            ["customer_registered.v1", "customer_details_changed.v1", "site_visited.v1", "image_uploaded.v1", "order_placed.v1", "order_amended.v1"]);
        Samples.Select(CustomerEventCodec.TypeNameOf).Distinct().Order(StringComparer.Ordinal)
            .ShouldBe(StoredEventTypes.All.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("order_placed.v2", """{"customerId":"c","eventTime":"2017-01-06T12:45:52.041000Z","orderId":"o","amount":1,"currency":"USD"}""")]
    [InlineData("order_placed.v1", """{"customerId":"c","eventTime":"2017-01-06T12:45:52.041000Z","orderId":"o","amount":1,"currency":"EUR"}""")]
    [InlineData("order_placed.v1", """{"customerId":"c","eventTime":"2017-01-06T12:45:52.041000Z","orderId":"o","amount":"1","currency":"USD"}""")]
    [InlineData("order_placed.v1", """{"customerId":"c","eventTime":"2017-01-06T12:45:52.041000Z","orderId":"o","amount":-1,"currency":"USD"}""")]
    [InlineData("order_placed.v1", """{"customerId":"c","eventTime":"2017-01-06T12:45:52.041000Z","amount":1,"currency":"USD"}""")]
    [InlineData("site_visited.v1", """{"customerId":"","eventTime":"2017-01-06T12:45:52.041000Z","pageId":"p"}""")]
    [InlineData("site_visited.v1", """{"customerId":"c","eventTime":"2017-01-06 12:45:52","pageId":"p"}""")]
    [InlineData("site_visited.v1", """{"customerId":"c","eventTime":"2017-01-06T12:45:52.041000Z","pageId":"p","extra":[]}""")]
    [InlineData("customer_registered.v1", """{"customerId":"c","eventTime":"2017-01-06T12:45:52.041000Z","lastName":5}""")]
    [InlineData("customer_registered.v1", "[]")]
    [InlineData("customer_registered.v1", "{")]
    public void a_stored_payload_that_does_not_fit_its_type_is_a_format_error(string typeName, string json)
    {
        Should.Throw<FormatException>(() => CustomerEventCodec.Decode(typeName, json));
    }
}
