using Ltv.Domain.Lifetime;
using Ltv.Projections.Store.Ranking;
using Ltv.Testing;
using Npgsql;

namespace Ltv.Projections.Tests;

public sealed class WeekIndexTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    public static TheoryData<string> Instants() =>
    [
        "1970-01-03T23:59:59.999999Z", "1970-01-04T00:00:00Z", "1969-12-27T12:00:00Z",
        "2017-12-30T23:59:59.999999Z", "2017-12-31T00:00:00Z", "2018-01-01T00:00:00Z",
        "2016-02-29T12:00:00Z", "2017-01-06T12:45:52.041Z", "2017-01-07T23:59:59Z", "2017-01-08T00:00:00Z",
        "2030-06-15T06:00:00+02:00", "1999-12-31T23:59:59-08:00",
    ];

    [Theory]
    [MemberData(nameof(Instants))]
    public async Task the_sql_week_index_equals_the_domain_week_calendar(string instant)
    {
        var time = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        await using var command = app.Database.DataSource.CreateCommand($"select ({WeekSql.IndexOf("@t")})::int");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("t", time.ToUniversalTime()));

        var sqlWeek = (int)(await command.ExecuteScalarAsync())!;

        sqlWeek.ShouldBe((int)WeekCalendar.WeekIndex(time));
    }
}
