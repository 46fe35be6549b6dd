using System.Runtime.InteropServices;
using System.Text.Json;

namespace Ltv.Domain.Validation;

/// <summary>
/// Whether every string of a raw JSON value can be stored. PostgreSQL's text and jsonb hold neither U+0000 nor
/// half of a surrogate pair, and JSON can spell both as escapes (<c>\u0000</c>, <c>\ud800</c>); left in, they fail
/// the append of a whole batch. Neither can appear unescaped in valid UTF-8 JSON, so one scan of the value's raw
/// bytes for escapes finds them, without decoding a single string.
/// </summary>
internal static class StorableText
{
    public static bool IsStorable(JsonElement value)
    {
        ReadOnlySpan<byte> rest = JsonMarshal.GetRawUtf8Value(value);
        bool expectLowHalf = false;
        while (true)
        {
            int backslash = rest.IndexOf((byte)'\\');
            if (backslash < 0)
            {
                return !expectLowHalf;
            }

            // A first half must be followed at once by an escaped second half.
            if (expectLowHalf && backslash != 0)
            {
                return false;
            }

            // The value is well-formed JSON: an escape is complete, and \u has four hex digits.
            rest = rest[(backslash + 1)..];
            if (rest[0] != (byte)'u')
            {
                if (expectLowHalf)
                {
                    return false;
                }

                rest = rest[1..];
                continue;
            }

            int unit = Hex(rest[1..5]);
            rest = rest[5..];
            bool high = unit is >= 0xD800 and <= 0xDBFF;
            bool low = unit is >= 0xDC00 and <= 0xDFFF;
            if (unit == 0 || (low && !expectLowHalf) || (expectLowHalf && !low))
            {
                return false;
            }

            expectLowHalf = high;
        }
    }

    private static int Hex(ReadOnlySpan<byte> digits)
    {
        int value = 0;
        foreach (byte digit in digits)
        {
            value = (value * 16) + digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                _ => digit - 'A' + 10,
            };
        }

        return value;
    }
}
