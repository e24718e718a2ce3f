namespace Creatio.AccessControl.PostgreSql;

/// <summary>What <see cref="PostgreSqlAccessSchema.MigrateAsync"/> did: the schema version found and the version left.</summary>
/// <param name="FromVersion">The version the schema was at; 0 when it did not exist.</param>
/// <param name="ToVersion">The version it is at now.</param>
public readonly record struct PostgreSqlSchemaUpgrade(int FromVersion, int ToVersion)
{
    /// <summary>Gets a value indicating whether any script was applied.</summary>
    public bool Applied => ToVersion > FromVersion;
}
