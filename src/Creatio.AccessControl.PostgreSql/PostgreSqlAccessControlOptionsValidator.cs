using System.Globalization;
using Microsoft.Extensions.Options;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Validates <see cref="PostgreSqlAccessControlOptions"/>, reporting every broken option at once with its value.</summary>
/// <remarks>This type is stateless and safe for concurrent use.</remarks>
public sealed class PostgreSqlAccessControlOptionsValidator : IValidateOptions<PostgreSqlAccessControlOptions>
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public ValidateOptionsResult Validate(string? name, PostgreSqlAccessControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        if (!SchemaIdentifier.IsValid(options.SchemaName))
        {
            result.AddError($"the schema name `{options.SchemaName}` is not a plain identifier (a letter or underscore, then letters, digits or underscores, 63 characters at most).", nameof(options.SchemaName));
        }

        if (options.AuditQueueCapacity is < 1 or > 10_000_000)
        {
            result.AddError($"the audit queue capacity is {Number(options.AuditQueueCapacity)}; it must be from 1 to 10,000,000.", nameof(options.AuditQueueCapacity));
        }

        if (options.AuditBatchSize is < 1 or > 100_000)
        {
            result.AddError($"the audit batch size is {Number(options.AuditBatchSize)}; it must be from 1 to 100,000.", nameof(options.AuditBatchSize));
        }

        if (options.AuditRetryDelay < TimeSpan.FromMilliseconds(1) || options.AuditRetryDelay > TimeSpan.FromHours(1))
        {
            result.AddError($"the audit retry delay is {options.AuditRetryDelay}; it must be from 1 millisecond to 1 hour.", nameof(options.AuditRetryDelay));
        }

        if (options.AuditShutdownTimeout < TimeSpan.Zero || options.AuditShutdownTimeout > TimeSpan.FromMinutes(10))
        {
            result.AddError($"the audit shutdown timeout is {options.AuditShutdownTimeout}; it must be from zero to 10 minutes.", nameof(options.AuditShutdownTimeout));
        }

        if (options.ChangeFeedPollInterval < TimeSpan.FromMilliseconds(10) || options.ChangeFeedPollInterval > TimeSpan.FromHours(1))
        {
            result.AddError($"the change feed poll interval is {options.ChangeFeedPollInterval}; it must be from 10 milliseconds to 1 hour.", nameof(options.ChangeFeedPollInterval));
        }

        if (options.ChangeFeedMaxReconnectDelay < TimeSpan.FromMilliseconds(50) || options.ChangeFeedMaxReconnectDelay > TimeSpan.FromMinutes(10))
        {
            result.AddError($"the change feed's longest reconnect delay is {options.ChangeFeedMaxReconnectDelay}; it must be from 50 milliseconds to 10 minutes.", nameof(options.ChangeFeedMaxReconnectDelay));
        }

        if (options.NotificationChannel is { } channel && !SchemaIdentifier.IsValid(channel))
        {
            result.AddError($"the notification channel `{channel}` is not a plain identifier (a letter or underscore, then letters, digits or underscores, 63 characters at most).", nameof(options.NotificationChannel));
        }

        return result.Build();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
