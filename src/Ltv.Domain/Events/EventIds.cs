using System.Security.Cryptography;
using System.Text;

namespace Ltv.Domain.Events;

/// <summary>
/// Event ids that are a function of the event's identity (DESIGN.md, "Identity and duplicates"): a name-based UUID
/// (RFC 9562 version 8) holding the first 122 bits of SHA-256 over the customer id and the dedupe key. The two are
/// joined by a zero byte, which neither can hold (ids with U+0000 are rejected), so no two identities share a text.
/// </summary>
public static class EventIds
{
    public static Guid Of(EventIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{identity.CustomerId.Value}\0{identity.DedupeKey}"), hash);

        // Version 8 in the high nibble of byte 6, the RFC variant (binary 10) in the top bits of byte 8.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
