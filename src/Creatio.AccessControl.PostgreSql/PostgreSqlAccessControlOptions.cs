namespace Creatio.AccessControl.PostgreSql;

/// <summary>Options of the PostgreSQL services that <c>UsePostgreSql</c> registers.</summary>
/// <remarks><see cref="PostgreSqlAccessControlOptionsValidator"/> checks them when the host starts, or when they are first
/// used without a host, and reports every broken option at once.</remarks>
public sealed class PostgreSqlAccessControlOptions
{
    /// <summary>Gets or sets the PostgreSQL schema the tables live in.</summary>
    /// <value>The default value is <c>access_control</c>. The value must be a plain identifier: a letter or underscore, then
    /// letters, digits or underscores, 63 characters at most.</value>
    public string SchemaName { get; set; } = PostgreSqlAccessSchema.DefaultSchemaName;

    /// <summary>Gets or sets whether the schema is created or upgraded while the host starts, before the model is loaded.</summary>
    /// <value>The default value is <see langword="true"/>. Turn it off where the application's database user may not
    /// change the schema, and run <see cref="PostgreSqlAccessSchema.MigrateAsync"/> at deployment instead.</value>
    public bool MigrateSchemaOnStart { get; set; } = true;

    /// <summary>Gets or sets how many audit events may wait to be written; an event that finds the queue full is dropped,
    /// counted and logged.</summary>
    /// <value>The default value is 10,000. The value must be from 1 to 10,000,000.</value>
    public int AuditQueueCapacity { get; set; } = 10_000;

    /// <summary>Gets or sets the most audit events written with one <c>COPY</c>.</summary>
    /// <value>The default value is 500. The value must be from 1 to 100,000.</value>
    public int AuditBatchSize { get; set; } = 500;

    /// <summary>Gets or sets how long the audit writer waits before it tries a failed write again; the events wait in the queue.</summary>
    /// <value>The default value is 1 second. The value must be from 1 millisecond to 1 hour.</value>
    public TimeSpan AuditRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how long disposing the audit sink waits for the events still queued to be written.</summary>
    /// <value>The default value is 5 seconds. The value must be from zero to 10 minutes.</value>
    public TimeSpan AuditShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets whether a change feed keeps this instance's evaluator current with the database: it listens
    /// for the commits of every instance, polls as a backstop, and applies the change log.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ChangeFeedEnabled { get; set; } = true;

    /// <summary>Gets or sets how often the change feed reads the change log when no notification has woken it (a
    /// notification can be lost).</summary>
    /// <value>The default value is 5 seconds. The value must be from 10 milliseconds to 1 hour.</value>
    public TimeSpan ChangeFeedPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the longest wait before the change feed connects again after it lost its connection; the
    /// waits start at 50 milliseconds and double up to this.</summary>
    /// <value>The default value is 10 seconds. The value must be from 50 milliseconds to 10 minutes.</value>
    public TimeSpan ChangeFeedMaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the channel commits notify and the change feed listens on.</summary>
    /// <value>The default value is <see langword="null"/>: the schema name followed by <c>_changes</c>. A value must be a
    /// plain identifier, like the schema name. Every instance sharing the schema must use the same channel.</value>
    public string? NotificationChannel { get; set; }
}
