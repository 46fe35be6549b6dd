using FsCheck;
using FsCheck.Fluent;

namespace Ltv.Domain.Tests.Reliability;

/// <summary>Nothing the user sent is lost from the count: every record is accepted, a duplicate, or rejected.</summary>
public sealed class CountingProperties
{
    [Fact]
    public void accepted_plus_duplicates_plus_rejected_is_the_input_count_and_each_rejection_has_its_reason()
    {
        Prop.ForAll(
                Gen.ArrayOf(ReliabilityGen.AnyLine).ToArbitrary(),
                generated =>
                {
                    // A first value that breaks off at the end of its line reads as broken pretty-printed JSON and takes
                    // the next lines with it (RawEventReader's line mode): NDJSON is only known to be NDJSON after a value.
                    (string Line, string? Reason)[] lines = [ReliabilityGen.FirstLine, .. generated];
                    var outcome = DomainPipeline.Run(lines.Select(l => l.Line));

                    var expectedReasons = lines.Where(l => l.Reason is not null).Select(l => l.Reason!).Order(StringComparer.Ordinal);
                    return outcome.Records == lines.Length
                        && outcome.Accepted.Count + outcome.Duplicates + outcome.Rejected == lines.Length
                        && outcome.Reasons.Order(StringComparer.Ordinal).SequenceEqual(expectedReasons);
                })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(OrderIndependenceProperties.Cases));
    }

    [Fact]
    public void every_bad_line_alone_is_one_record_rejected_for_its_reason()
    {
        foreach (var (line, reason) in BadLines.All)
        {
            var outcome = DomainPipeline.Run([line]);

            (outcome.Records, outcome.Accepted.Count, outcome.Duplicates).ShouldBe((1, 0, 0), line);
            outcome.Reasons.ShouldBe([reason], line);
        }
    }
}
