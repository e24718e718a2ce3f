using System.Collections.Concurrent;
using Npgsql;
using Xunit;

namespace Creatio.AccessControl.Testing.PostgreSql;

/// <summary>The one throwaway PostgreSQL server of a test run, for an xunit collection fixture, with a fresh database per
/// test class.</summary>
/// <remarks>
/// <para>xunit needs the collection definition in the test assembly itself; a test project declares it once:</para>
/// <code>
/// [CollectionDefinition(PostgreSqlServerFixture.CollectionName)]
/// public sealed class PostgreSqlServerCollectionDefinition : ICollectionFixture&lt;PostgreSqlServerFixture&gt;;
/// </code>
/// <para>and its test classes join it with <c>[Collection(PostgreSqlServerFixture.CollectionName)]</c>, taking the fixture in
/// their constructor. Tests of one collection run one at a time.</para>
/// <para>When the server cannot start (no binaries, a start that fails), every test of the collection fails with the
/// reason; none is skipped.</para>
/// </remarks>
public sealed class PostgreSqlServerFixture : IAsyncLifetime
{
    /// <summary>The name test projects give their PostgreSQL collection.</summary>
    public const string CollectionName = "PostgreSQL";

    private readonly ConcurrentDictionary<Type, Lazy<Task<string>>> _classDatabases = new();
    private readonly ConcurrentBag<NpgsqlDataSource> _dataSources = [];
    private PostgreSqlServer? _server;

    /// <summary>Gets the running server.</summary>
    /// <exception cref="InvalidOperationException">The server has not started.</exception>
    public PostgreSqlServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL server has not started.");

    /// <summary>Returns the database of a test class, created on the first call for that class.</summary>
    /// <param name="testClass">The test class, usually <c>GetType()</c>.</param>
    /// <returns>A connection string to the class's database.</returns>
    public async Task<string> GetClassDatabaseAsync(Type testClass)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        string name = await _classDatabases.GetOrAdd(testClass, type => new Lazy<Task<string>>(() => Server.CreateDatabaseAsync(type.Name))).Value;
        return Server.ConnectionStringFor(name);
    }

    /// <summary>Creates a fresh database for one test.</summary>
    /// <param name="prefix">The start of the database's name.</param>
    /// <returns>A connection string to the new database.</returns>
    public async Task<string> CreateDatabaseAsync(string prefix = "test") =>
        Server.ConnectionStringFor(await Server.CreateDatabaseAsync(prefix));

    /// <summary>Creates a data source that the fixture disposes at the end of the run.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>The data source.</returns>
    public NpgsqlDataSource CreateDataSource(string connectionString)
    {
        NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
        _dataSources.Add(dataSource);
        return dataSource;
    }

    /// <summary>Restarts the server (<see cref="PostgreSqlServer.RestartAsync"/>) and clears the pools of the data sources
    /// this fixture created, whose connections the restart ended.</summary>
    /// <param name="downtime">How long the server stays down.</param>
    /// <returns>A task that completes when the server accepts connections again.</returns>
    public async Task RestartServerAsync(TimeSpan downtime)
    {
        await Server.RestartAsync(downtime);
        foreach (NpgsqlDataSource dataSource in _dataSources)
        {
            using NpgsqlConnection connection = dataSource.CreateConnection();
            NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <inheritdoc/>
    public async Task InitializeAsync() => _server = await PostgreSqlServer.StartAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        foreach (NpgsqlDataSource dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
