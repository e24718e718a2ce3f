using Npgsql;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Creates and upgrades the package's tables in a PostgreSQL schema.</summary>
/// <remarks>
/// <para>The scripts are versioned and embedded in the package. <see cref="MigrateAsync"/> applies the ones the database
/// lacks, in order, in one transaction, under a transaction-scoped advisory lock: several instances may start at once;
/// the first applies the scripts, the others wait for it and find nothing to do. Running it again changes nothing.</para>
/// <para>The tables are described one by one in the package's <c>docs/postgresql.md</c>.</para>
/// </remarks>
public static class PostgreSqlAccessSchema
{
    /// <summary>The schema the tables live in unless another is chosen: <c>access_control</c>.</summary>
    public const string DefaultSchemaName = "access_control";

    /// <summary>Gets the schema version this package creates.</summary>
    public static int LatestVersion => SchemaScript.Embedded[^1].Version;

    /// <summary>Creates the schema and its tables, or upgrades them to <see cref="LatestVersion"/>.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="schemaName">The schema: a plain identifier (letters, digits, underscores).</param>
    /// <param name="cancellationToken">Cancels the migration; a cancelled migration changes nothing.</param>
    /// <returns>The versions before and after.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="schemaName"/> is not a plain identifier.</exception>
    /// <exception cref="InvalidOperationException">The database's schema is newer than this package knows.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or refused a script.</exception>
    public static Task<PostgreSqlSchemaUpgrade> MigrateAsync(
        NpgsqlDataSource dataSource, string schemaName = DefaultSchemaName, CancellationToken cancellationToken = default) =>
        SchemaMigrator.MigrateAsync(dataSource, schemaName, SchemaScript.Embedded, cancellationToken);
}
