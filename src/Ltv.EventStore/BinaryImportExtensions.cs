using Npgsql;
using NpgsqlTypes;

namespace Ltv.EventStore;

/// <summary>Small conveniences for binary COPY.</summary>
public static class BinaryImportExtensions
{
    /// <summary>Writes <paramref name="value"/>, or SQL NULL when it is null.</summary>
    public static Task WriteNullableAsync(this NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);
    }
}
