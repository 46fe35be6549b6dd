using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Ltv.Projections.Store;

/// <summary>
/// Which build of the product last brought the schema up to date. Comparing the whole schema with the database takes
/// about 0.9 s of catalog queries, and every CLI command began with it; yet the schema changes only when the code that
/// declares it changes. So the stamp names that code: the module version ids of the assemblies that declare tables
/// (the program, ours, Marten's, Weasel's), which a build changes whenever their code changes. A store stamped by this
/// very build is in place; any other is compared and migrated as before, then stamped.
/// </summary>
public static class SchemaStamp
{
    public const string TableName = "ltv_schema_stamp";

    /// <summary>This build's stamp.</summary>
    public static string Current { get; } = Compute(
        Assembly.GetEntryAssembly(), typeof(SchemaStamp).Assembly, typeof(DocumentStore).Assembly, typeof(Table).Assembly,
        typeof(Weasel.Core.SchemaMigration).Assembly);

    public static Table Table(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<int>("id").AsPrimaryKey();
        table.AddColumn<string>("stamp").NotNull();
        table.AddColumn<DateTimeOffset>("stamped_at").NotNull().DefaultValueByExpression("now()");
        return table;
    }

    /// <summary>Whether this build stamped the schema; false for a schema without the table (new, or older than it).</summary>
    public static async Task<bool> MatchesAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select stamp from {Qualified(schema)} where id = 1");
        try
        {
            return await command.ExecuteScalarAsync(ct) as string == Current;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return false;
        }
    }

    public static async Task WriteAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"insert into {Qualified(schema)} (id, stamp) values (1, $1) on conflict (id) do update set stamp = excluded.stamp, stamped_at = now()");
        command.Parameters.Add(new NpgsqlParameter { Value = Current });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Qualified(string schema) => new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General).QualifiedName;

    private static string Compute(params Assembly?[] assemblies)
    {
        var ids = string.Join(';', assemblies.Select(a => a is null ? "-" : $"{a.GetName().Name}:{a.ManifestModule.ModuleVersionId}"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ids)));
    }
}
