using Ltv.Domain.Events;

namespace Ltv.Domain.Tests.Events;

public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("""{ "b" : 1, "a" : { "d": [ 1, 2 ], "c": null } }""", """{"a":{"c":null,"d":[1,2]},"b":1}""")]
    [InlineData("""[ 3, 1, 2 ]""", "[3,1,2]")]
    [InlineData("\"\\u00fc\\u0041\"", "\"üA\"")]
    [InlineData("12.50", "12.50")]
    [InlineData("{}", "{}")]
    [InlineData("""{"B":1,"a":2}""", """{"B":1,"a":2}""")]
    public void json_is_written_compact_with_members_sorted_ordinally_and_arrays_kept_in_order(string json, string canonical)
    {
        CanonicalJson.Normalize(json).ShouldBe(canonical);
    }

    [Fact]
    public void writing_canonical_json_again_changes_nothing()
    {
        string once = CanonicalJson.Normalize("""{"z":[{"y":"\"quoted\"","x":"<tag>"}],"a":"line\nbreak"}""");

        CanonicalJson.Normalize(once).ShouldBe(once);
    }
}
