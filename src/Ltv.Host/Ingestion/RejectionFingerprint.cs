using System.Security.Cryptography;
using System.Text;

namespace Ltv.Host.Ingestion;

/// <summary>
/// What makes two rejections the same one: the same reason for the same bytes, wherever they were read. The
/// rejected_events table is unique on it. Script 201 computes the same value in SQL for rows stored before it.
/// </summary>
public static class RejectionFingerprint
{
    /// <summary>SHA-256 of the reason's UTF-8 bytes, a zero byte, then the raw bytes.</summary>
    public static byte[] Of(string reason, byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(raw);
        var reasonBytes = Encoding.UTF8.GetBytes(reason);
        var text = new byte[reasonBytes.Length + 1 + raw.Length];
        reasonBytes.CopyTo(text, 0);
        raw.CopyTo(text, reasonBytes.Length + 1);
        return SHA256.HashData(text);
    }
}
