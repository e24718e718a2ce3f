using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>An in-memory SQLite database, open for the database's lifetime, its tables created by EF Core.</summary>
public sealed class SqliteRecordDatabase : RecordDatabase
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private readonly DbContextOptions<RecordsContext> _options;

    public SqliteRecordDatabase()
    {
        _connection.Open();
        _options = RecordsContext.Options(builder => builder.UseSqlite(_connection));
        using RecordsContext context = Context("Object0");
        context.Database.EnsureCreated();
    }

    public override RecordsContext Context(ObjectName objectName) => new(_options, objectName);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection.Dispose();
        }

        base.Dispose(disposing);
    }
}
