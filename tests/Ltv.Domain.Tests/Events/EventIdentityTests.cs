using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using Ltv.Domain.Validation;
using static Ltv.Domain.Tests.Events.SampleEvents;

namespace Ltv.Domain.Tests.Events;

public sealed class EventIdentityTests
{
    [Fact]
    public void the_dedupe_key_is_type_verb_key_and_utc_microseconds_without_the_customer()
    {
        Placed("68d84e5d1a43", "2017-01-06T12:55:55.555Z", 12.34m).Identity.DedupeKey
            .ShouldBe("ORDER|NEW|68d84e5d1a43|2017-01-06T12:55:55.555000Z");
    }

    [Fact]
    public void each_event_names_its_raw_type_verb_and_key()
    {
        Registered("2017-01-06T00:00:00Z").Identity.ShouldBe(new EventIdentity(Alice, "CUSTOMER", "NEW", "alice", At("2017-01-06T00:00:00Z")));
        DetailsChanged("2017-01-06T00:00:00Z", "X").Identity.Verb.ShouldBe("UPDATE");
        Visit("2017-01-06T00:00:00Z", "p").Identity.ShouldBe(new EventIdentity(Alice, "SITE_VISIT", "NEW", "p", At("2017-01-06T00:00:00Z")));
        Image("2017-01-06T00:00:00Z", "i").Identity.ShouldBe(new EventIdentity(Alice, "IMAGE", "UPLOAD", "i", At("2017-01-06T00:00:00Z")));
        Amended("o", "2017-01-06T00:00:00Z", 1m).Identity.ShouldBe(new EventIdentity(Alice, "ORDER", "UPDATE", "o", At("2017-01-06T00:00:00Z")));
    }

    [Theory]
    [InlineData("2017-01-06T12:45:52.041Z")]
    [InlineData("2017-01-06 12:45:52.041")]
    [InlineData("2017-01-06:12:45:52.041Z")]
    [InlineData("2017-01-06T14:45:52.041+02:00")]
    [InlineData("2017-01-06T07:45:52.041-0500")]
    [InlineData("2017-01-06T12:45:52.0410009Z")]
    public void the_same_instant_in_any_accepted_shape_gives_the_same_dedupe_key(string eventTime)
    {
        EventTimeParser.TryParse(eventTime, out DateTimeOffset time).ShouldBeTrue();

        new EventIdentity(Alice, "SITE_VISIT", "NEW", "p", time).DedupeKey.ShouldBe("SITE_VISIT|NEW|p|2017-01-06T12:45:52.041000Z");
    }

    [Fact]
    public void an_identity_made_from_an_offset_time_equals_the_one_made_from_utc()
    {
        var utc = new EventIdentity(Alice, "ORDER", "NEW", "o", new DateTimeOffset(2017, 1, 6, 12, 0, 0, TimeSpan.Zero));
        var local = new EventIdentity(Alice, "ORDER", "NEW", "o", new DateTimeOffset(2017, 1, 6, 14, 0, 0, TimeSpan.FromHours(2)));

        local.ShouldBe(utc);
        local.EventTime.Offset.ShouldBe(TimeSpan.Zero);
        (utc with { EventTime = local.EventTime.ToOffset(TimeSpan.FromHours(-3)) }).DedupeKey.ShouldBe(utc.DedupeKey);
    }

    [Fact]
    public void two_customers_with_the_same_key_have_the_same_dedupe_key_in_different_streams()
    {
        var mine = Placed("uvw345def678", "2017-01-06T12:00:00Z", 69m, new CustomerId("mno456uvw143")).Identity;
        var theirs = Placed("uvw345def678", "2017-01-06T12:00:00Z", 65m, new CustomerId("mno456uvw123")).Identity;

        mine.DedupeKey.ShouldBe(theirs.DedupeKey);
        mine.ShouldNotBe(theirs);
    }

    [Fact]
    public void event_times_are_kept_in_utc_whole_microseconds_even_through_with()
    {
        var visit = Visit("2017-01-06T12:00:00Z") with { EventTime = new DateTimeOffset(2017, 1, 6, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(7) };

        visit.EventTime.Offset.ShouldBe(TimeSpan.Zero);
        visit.EventTime.UtcTicks.ShouldBe(new DateTimeOffset(2017, 1, 6, 12, 0, 0, TimeSpan.Zero).UtcTicks);
    }

    [Fact]
    public void the_same_identity_gives_the_same_id_whatever_shape_its_time_was_written_in()
    {
        var utc = Visit("2017-01-06T12:00:00Z").Identity;
        var offset = (Visit("2017-01-06T12:00:00Z") with { EventTime = DateTimeOffset.Parse("2017-01-06T14:00:00+02:00", System.Globalization.CultureInfo.InvariantCulture) }).Identity;

        offset.EventId.ShouldBe(utc.EventId);
    }

    [Fact]
    public void every_part_of_the_identity_changes_the_id()
    {
        var visit = Visit("2017-01-06T12:00:00Z", pageId: "p1").Identity;

        new[]
        {
            visit,
            visit with { CustomerId = new CustomerId("bob") },
            visit with { Type = EventTypes.Image },
            visit with { Verb = EventVerbs.Update },
            visit with { Key = "p2" },
            visit with { EventTime = visit.EventTime.AddTicks(10) },
        }.Select(i => i.EventId).Distinct().Count().ShouldBe(6);
    }

    [Fact]
    public void two_customers_with_one_key_whose_texts_would_run_together_get_two_ids()
    {
        // "a|b" + "c" and "a" + "|bc" would join to one text without a separator that no id can hold.
        var first = new EventIdentity(new CustomerId("a|b"), "c", "v", "k", DateTimeOffset.UnixEpoch);
        var second = new EventIdentity(new CustomerId("a"), "|bc", "v", "k", DateTimeOffset.UnixEpoch);

        first.EventId.ShouldNotBe(second.EventId);
    }

    [Fact]
    public void an_event_id_is_a_version_8_uuid_of_the_rfc_variant()
    {
        var id = Visit("2017-01-06T12:00:00Z").Identity.EventId.ToString();

        id[14].ShouldBe('8');
        id[19].ShouldBeOneOf('8', '9', 'a', 'b');
    }
}
