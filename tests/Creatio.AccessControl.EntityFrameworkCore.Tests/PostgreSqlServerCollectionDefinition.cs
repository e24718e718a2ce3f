using Creatio.AccessControl.Testing.PostgreSql;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>Every test class that needs PostgreSQL shares one throwaway server, started once per run.</summary>
[CollectionDefinition(PostgreSqlServerFixture.CollectionName)]
public sealed class PostgreSqlServerCollectionDefinition : ICollectionFixture<PostgreSqlServerFixture>;
