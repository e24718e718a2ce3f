namespace Creatio.AccessControl.PostgreSql.Tests.DependencyInjection;

/// <summary>Every broken option is reported, with its value.</summary>
public sealed class PostgreSqlAccessControlOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new PostgreSqlAccessControlOptionsValidator().Validate(null, new PostgreSqlAccessControlOptions()).Succeeded);

    [Fact]
    public void Validate_EveryOptionBroken_ReportsEachWithItsValue()
    {
        var options = new PostgreSqlAccessControlOptions
        {
            SchemaName = "",
            AuditQueueCapacity = 0,
            AuditBatchSize = 100_001,
            AuditRetryDelay = TimeSpan.Zero,
            AuditShutdownTimeout = TimeSpan.FromMinutes(-1),
            ChangeFeedPollInterval = TimeSpan.FromMilliseconds(5),
            ChangeFeedMaxReconnectDelay = TimeSpan.FromHours(1),
            NotificationChannel = "no-dashes",
        };

        var result = new PostgreSqlAccessControlOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Property SchemaName: the schema name `` is not a plain identifier (a letter or underscore, then letters, digits or underscores, 63 characters at most).",
                "Property AuditQueueCapacity: the audit queue capacity is 0; it must be from 1 to 10,000,000.",
                "Property AuditBatchSize: the audit batch size is 100001; it must be from 1 to 100,000.",
                "Property AuditRetryDelay: the audit retry delay is 00:00:00; it must be from 1 millisecond to 1 hour.",
                "Property AuditShutdownTimeout: the audit shutdown timeout is -00:01:00; it must be from zero to 10 minutes.",
                "Property ChangeFeedPollInterval: the change feed poll interval is 00:00:00.0050000; it must be from 10 milliseconds to 1 hour.",
                "Property ChangeFeedMaxReconnectDelay: the change feed's longest reconnect delay is 01:00:00; it must be from 50 milliseconds to 10 minutes.",
                "Property NotificationChannel: the notification channel `no-dashes` is not a plain identifier (a letter or underscore, then letters, digits or underscores, 63 characters at most).",
            ],
            result.Failures);
    }

    [Fact]
    public void AuditSink_InvalidOptions_ThrowsListingThem()
    {
        var failure = Assert.Throws<ArgumentException>(() => new PostgreSqlAccessAuditSink(
            Npgsql.NpgsqlDataSource.Create("Host=127.0.0.1"), new PostgreSqlAccessControlOptions { AuditQueueCapacity = -1 }));

        Assert.StartsWith("The PostgreSQL access control options are invalid: Property AuditQueueCapacity: the audit queue capacity is -1", failure.Message, StringComparison.Ordinal);
    }
}
