namespace Ltv.Host.Ingestion;

/// <summary>One piece of input that was not accepted, with where it came from and why.</summary>
/// <param name="Source">The file (or request) it was read from.</param>
/// <param name="Index">Its record index in that source, from 0.</param>
/// <param name="ByteOffset">The offset of its first byte in the (decompressed) source.</param>
/// <param name="Reason">A categorical reason (see Ltv.Domain.Validation.RejectionReasons).</param>
/// <param name="Detail">More about it, when there is more to say (a JSON syntax error's position).</param>
/// <param name="Raw">The exact bytes.</param>
public sealed record Rejection(string Source, long Index, long ByteOffset, string Reason, string? Detail, byte[] Raw);
