using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using Ltv.Domain.Validation;

namespace Ltv.Domain.Tests.Reliability;

/// <summary>
/// The reader and the validator never throw, whatever they are given, and whatever the validator accepts can be
/// stored (PostgreSQL text holds no U+0000 and no unpaired surrogate; index entries have a size limit) and
/// ranked (no decimal overflow).
/// </summary>
public sealed class HostileInputProperties
{
    [Fact]
    public void arbitrary_bytes_never_make_the_pipeline_throw_and_every_record_is_counted_once()
    {
        Prop.ForAll(
                Gen.Frequency([(1, ArbMap.Default.GeneratorFor<byte[]>()), (3, HostileJson.Lines.Select(Encoding.UTF8.GetBytes))]).ToArbitrary(),
                bytes =>
                {
                    var outcome = DomainPipeline.Run(bytes);
                    return outcome.Accepted.Count + outcome.Duplicates + outcome.Rejected == outcome.Records;
                })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(OrderIndependenceProperties.Cases));
    }

    [Fact]
    public void the_validator_never_throws_and_what_it_accepts_can_be_stored_and_ranked()
    {
        Prop.ForAll(
                Gen.ArrayOf(HostileJson.Object).ToArbitrary(),
                objects =>
                {
                    var accepted = new List<CustomerEvent>();
                    foreach (var text in objects)
                    {
                        using var document = JsonDocument.Parse(text);
                        switch (EventValidator.Validate(document.RootElement))
                        {
                            case ValidationResult.Accepted(var e):
                                accepted.Add(e);
                                break;
                            case ValidationResult.Rejected(var reason) when !IsKnownReason(reason) || !IsStorableText(reason):
                                return false;
                        }
                    }

                    var distinct = accepted.DistinctBy(e => (e.CustomerId, e.Identity.DedupeKey)).ToList();
                    var customers = distinct.GroupBy(e => e.CustomerId).Select(g => CustomerLifetime.From(g.Key, g)).ToList();
                    LtvRanking.Rank(customers, new LtvSettings(Timeframe.Customer, LtvSettings.MaxLifespanYears));
                    return distinct.All(IsStorable);
                })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(OrderIndependenceProperties.Cases));
    }

    private static bool IsKnownReason(string reason) =>
        RejectionReasons.Fixed.Contains(reason)
        || reason.StartsWith(RejectionReasons.UnknownTypePrefix, StringComparison.Ordinal)
        || reason.StartsWith(RejectionReasons.UnsupportedVerbPrefix, StringComparison.Ordinal)
        || reason.StartsWith(RejectionReasons.UnsupportedCurrencyPrefix, StringComparison.Ordinal);

    private static bool IsStorable(CustomerEvent e)
    {
        var (typeName, json) = CustomerEventCodec.Encode(e);
        using var document = JsonDocument.Parse(json);
        return IsStorableText(typeName) && IsStorableText(json) && Strings(document.RootElement).All(IsStorableText)
            && IsStorableText(e.CustomerId.Value) && IsStorableText(e.Identity.DedupeKey)
            && Encoding.UTF8.GetByteCount(e.CustomerId.Value) <= EventValidator.MaxIdBytes
            && Encoding.UTF8.GetByteCount(e.Identity.Key) <= EventValidator.MaxIdBytes
            && e switch
            {
                CustomerEvent.OrderPlaced o => o.Amount.Amount <= AmountParser.MaxAmount,
                CustomerEvent.OrderAmended o => o.Amount.Amount <= AmountParser.MaxAmount,
                _ => true,
            };
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Append(p.Name)),
        _ => [],
    };

    // What PostgreSQL's text and jsonb can hold: no NUL, and surrogates only in pairs (UTF-8 has no place for halves).
    private static bool IsStorableText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\0' || char.IsLowSurrogate(text[i]))
            {
                return false;
            }

            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }
}
