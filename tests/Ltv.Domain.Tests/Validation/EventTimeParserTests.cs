using Ltv.Domain.Events;
using Ltv.Domain.Validation;

namespace Ltv.Domain.Tests.Validation;

public sealed class EventTimeParserTests
{
    [Theory]
    [InlineData("2017-01-06T12:45:52.041Z", "2017-01-06T12:45:52.041000Z")]
    [InlineData("2017-01-06:12:45:52.041Z", "2017-01-06T12:45:52.041000Z")]
    [InlineData("2017-01-06 12:45:52.041", "2017-01-06T12:45:52.041000Z")]
    [InlineData("2018-01-01 00:00:39.123", "2018-01-01T00:00:39.123000Z")]
    [InlineData("2015-01-08T02:16:50", "2015-01-08T02:16:50.000000Z")]
    [InlineData("2017-01-01 06:10:46", "2017-01-01T06:10:46.000000Z")]
    [InlineData("2017-01-06T12:45:52Z", "2017-01-06T12:45:52.000000Z")]
    [InlineData("2017-01-06T12:45:52.5Z", "2017-01-06T12:45:52.500000Z")]
    [InlineData("2017-01-06T12:45:52.123456Z", "2017-01-06T12:45:52.123456Z")]
    [InlineData("2017-01-06T12:45:52.123456789Z", "2017-01-06T12:45:52.123456Z")]
    [InlineData("2017-01-06T14:45:52+02:00", "2017-01-06T12:45:52.000000Z")]
    [InlineData("2017-01-06T14:45:52+0200", "2017-01-06T12:45:52.000000Z")]
    [InlineData("2017-01-06T14:45:52+02", "2017-01-06T12:45:52.000000Z")]
    [InlineData("2017-01-06T07:15:52.041-05:30", "2017-01-06T12:45:52.041000Z")]
    [InlineData("2017-01-06T12:45:52-00:00", "2017-01-06T12:45:52.000000Z")]
    [InlineData("2017-01-06T12:45:52+14:00", "2017-01-05T22:45:52.000000Z")] // the largest offsets
    [InlineData("2017-01-06T12:45:52-14:00", "2017-01-07T02:45:52.000000Z")]
    [InlineData("2017-01-06T12:59:52+02:59", "2017-01-06T10:00:52.000000Z")]
    [InlineData("2017-01-01T01:00:00+02:00", "2016-12-31T23:00:00.000000Z")]
    [InlineData("2016-02-29T00:00:00Z", "2016-02-29T00:00:00.000000Z")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000000Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.999999Z")]
    public void every_accepted_shape_reads_as_utc_whole_microseconds(string text, string utc)
    {
        EventTimeParser.TryParse(text, out DateTimeOffset time).ShouldBeTrue();

        time.Offset.ShouldBe(TimeSpan.Zero);
        EventTimestamp.ToText(time).ShouldBe(utc);
    }

    [Theory]
    [InlineData("2017-01-06:12:46.384Z")] // the challenge's typo: no seconds
    [InlineData("2017-01-06:12:55.55.555Z")] // two fractions
    [InlineData("2017-01-06T12:45")] // no seconds
    [InlineData("2017-01-06")] // no time of day
    [InlineData("2017-01-06T12:45:52.Z")] // a point and no digits
    [InlineData("2017-01-06T12:45:52.")] // a point and no digits, no zone
    [InlineData("2017-01-06 12:45:52.+02:00")] // a point and no digits before an offset
    [InlineData("2017-01-06T12:45:52.1234567890Z")] // ten fraction digits
    [InlineData("2017-02-29T00:00:00Z")] // not a leap year
    [InlineData("2017-13-01T00:00:00Z")]
    [InlineData("2017-00-01T00:00:00Z")]
    [InlineData("2017-04-31T00:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2017-01-06T24:00:00Z")]
    [InlineData("2017-01-06T12:60:00Z")]
    [InlineData("2017-01-06T23:59:60Z")] // leap seconds have no DateTime
    [InlineData("2017-01-06t12:45:52Z")]
    [InlineData("2017-01-06T12:45:52z")]
    [InlineData("2017-01-06/12:45:52Z")]
    [InlineData("2017-1-6T12:45:52Z")]
    [InlineData("17-01-06T12:45:52Z")]
    [InlineData("2017-01-06T12:45:52 Z")]
    [InlineData(" 2017-01-06T12:45:52Z")]
    [InlineData("2017-01-06T12:45:52Z ")]
    [InlineData("2017-01-06T12:45:52+2:00")]
    [InlineData("2017-01-06T12:45:52+02:0")]
    [InlineData("2017-01-06T12:45:52+02:60")]
    [InlineData("2017-01-06T12:45:52+15:00")]
    [InlineData("2017-01-06T12:45:52+02:00Z")]
    [InlineData("2017-01-06T12:45:52UTC")]
    [InlineData("２０１７-01-06T12:45:52Z")] // digits, but not ASCII ones
    [InlineData("0001-01-01T00:00:00+01:00")] // before the first instant a DateTime holds
    [InlineData("9999-12-31T23:59:59-01:00")] // after the last one
    [InlineData("1483706752")]
    [InlineData("")]
    public void other_shapes_and_impossible_dates_are_refused(string text)
    {
        EventTimeParser.TryParse(text, out _).ShouldBeFalse();
    }
}
