using Creatio.AccessControl.Testing.PostgreSql;

namespace Creatio.AccessControl.PostgreSql.Tests.Testing;

/// <summary>The throwaway server fails, and says why, where it cannot start.</summary>
public sealed class PostgreSqlServerTests
{
    [Fact]
    public async Task StartAsync_FolderWithoutBinaries_FailsNamingTheFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "no-postgres-here-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgreSqlServer.StartAsync(folder));

            Assert.Equal($"No PostgreSQL server binaries: `{folder}` holds no `initdb`.", failure.Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
