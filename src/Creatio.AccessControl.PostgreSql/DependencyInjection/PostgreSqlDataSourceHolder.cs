using Npgsql;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>The data source <c>UsePostgreSql</c> was given or told to find; disposed with the container only when it was
/// created from a connection string.</summary>
internal sealed class PostgreSqlDataSourceHolder : IAsyncDisposable, IDisposable
{
    private readonly bool _owned;

    public PostgreSqlDataSourceHolder(NpgsqlDataSource dataSource, bool owned)
    {
        DataSource = dataSource;
        _owned = owned;
    }

    public NpgsqlDataSource DataSource { get; }

    public ValueTask DisposeAsync() => _owned ? DataSource.DisposeAsync() : ValueTask.CompletedTask;

    public void Dispose()
    {
        if (_owned)
        {
            DataSource.Dispose();
        }
    }
}
