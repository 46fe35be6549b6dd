using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Ltv.Domain.Events;

namespace Ltv.Domain.Validation;

/// <summary>
/// Reads total_amount: a string <c>"12.34 USD"</c> or <c>"92 USD"</c> (one space, a three-letter upper-case
/// code), a bare number string <c>"12.34"</c>, or a JSON number; the last two are taken as USD.
/// Strings take plain decimals only (no sign but '-', no exponent, no thousands separator), so that
/// nothing locale-dependent gets a reading; a JSON number takes whatever JSON allows, up to <see cref="MaxAmount"/>.
/// </summary>
public static class AmountParser
{
    /// <summary>
    /// The largest amount of one order (a trillion dollars). Revenue sums and 52 x revenue x t must stay within
    /// decimal's range (about 7.9e28) for every customer: a larger amount is not a price, and would make queries fail.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    private const NumberStyles PlainDecimal = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
    private const NumberStyles JsonNumber = PlainDecimal | NumberStyles.AllowExponent;

    public static bool TryParse(JsonElement value, out Money amount, [NotNullWhen(false)] out string? reason)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return TryParse(value.GetString()!, out amount, out reason);
            case JsonValueKind.Number:
                return TryNumber(value.GetRawText(), JsonNumber, out amount, out reason);
            default:
                amount = default;
                reason = value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
                    ? RejectionReasons.MissingTotalAmount
                    : RejectionReasons.InvalidTotalAmount;
                return false;
        }
    }

    public static bool TryParse(string text, out Money amount, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        amount = default;
        int space = text.IndexOf(' ', StringComparison.Ordinal);
        ReadOnlySpan<char> number = space < 0 ? text : text.AsSpan(0, space);
        if (!IsPlainDecimal(number))
        {
            reason = RejectionReasons.InvalidTotalAmount;
            return false;
        }

        if (space >= 0)
        {
            string currency = text[(space + 1)..];
            if (!IsCurrencyCode(currency))
            {
                reason = RejectionReasons.InvalidTotalAmount;
                return false;
            }

            // Checked before the number's sign and range: the currency decides whether it can ever be re-processed.
            if (currency != Money.Usd)
            {
                reason = RejectionReasons.UnsupportedCurrency(currency);
                return false;
            }
        }

        return TryNumber(number, PlainDecimal, out amount, out reason);
    }

    private static bool TryNumber(ReadOnlySpan<char> number, NumberStyles styles, out Money amount, [NotNullWhen(false)] out string? reason)
    {
        amount = default;
        // TryParse fails beyond decimal's range; digits beyond its 28-29 significant ones are rounded.
        if (!decimal.TryParse(number, styles, CultureInfo.InvariantCulture, out decimal value))
        {
            reason = RejectionReasons.InvalidTotalAmount;
            return false;
        }

        if (value < 0m)
        {
            reason = RejectionReasons.NegativeTotalAmount;
            return false;
        }

        if (value > MaxAmount)
        {
            reason = RejectionReasons.InvalidTotalAmount;
            return false;
        }

        amount = Money.InUsd(value);
        reason = null;
        return true;
    }

    // -?digits(.digits)? : what JSON calls a number, less the exponent and plus leading zeros.
    private static bool IsPlainDecimal(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> unsigned = text.StartsWith('-') ? text[1..] : text;
        int dot = unsigned.IndexOf('.');
        ReadOnlySpan<char> whole = dot < 0 ? unsigned : unsigned[..dot];
        ReadOnlySpan<char> fraction = dot < 0 ? "0" : unsigned[(dot + 1)..];
        return IsDigits(whole) && IsDigits(fraction);
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    private static bool IsCurrencyCode(string text) => text.Length == 3 && !text.AsSpan().ContainsAnyExceptInRange('A', 'Z');
}
