using Ltv.Domain.Input;

namespace Ltv.Domain.Tests.Input;

public sealed class PeerFixtureTests
{
    [Theory]
    [InlineData("udaynp__Sfly-Coding-Challenge__events.txt", 755)]
    [InlineData("kotharimithal__ShutterFly__events.txt", 117)]
    [InlineData("hitchhiker-__shutterfly_challenge_1223__input.txt", 83)]
    [InlineData("sahilbhange__code-challenge__events.txt", 44)]
    [InlineData("mrshutterfly__sflydwh__events.json", 39)]
    [InlineData("sakthi5006__Shutterfly-Code-contest__events.txt", 37)]
    [InlineData("coderyogi__code-challenge__events.txt", 40)]
    [InlineData("ssunrising__LifeTimeValue__events.txt", 20)]
    public async Task every_event_of_a_real_peer_input_file_is_read_as_an_object(string fileName, int events)
    {
        byte[] input = await File.ReadAllBytesAsync(PeerFixtures.PathOf(fileName));

        var records = await Records.Of(input);

        records.Count.ShouldBe(events);
        records.Kinds().ShouldAllBe(kind => kind == RawRecordKind.Object);
        records.ShouldHoldFor(input);
    }

    [Fact]
    public async Task a_real_peer_file_reads_the_same_gzipped_and_in_tiny_chunks()
    {
        byte[] input = await File.ReadAllBytesAsync(PeerFixtures.PathOf("udaynp__Sfly-Coding-Challenge__events.txt"));
        string[] expected = (await Records.Of(input)).Select(r => r.Describe()).ToArray();

        var records = await Records.Of(Records.Gzip(input), new RawReaderOptions(ChunkBytes: 7));

        records.Select(r => r.Describe()).ToArray().ShouldBe(expected);
    }
}
