using System.Linq.Expressions;
using Creatio.AccessControl;
using Creatio.AccessControl.EntityFrameworkCore;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Maps entities to access objects and the record rights table, in <c>OnModelCreating</c>.</summary>
public static class AccessModelBuilderExtensions
{
    /// <summary>The table <see cref="HasRecordRights"/> maps <see cref="EntityRecordRight"/> to unless told otherwise.</summary>
    public const string DefaultRecordRightsTable = "SysEntityRecordRight";

    /// <summary>Maps an entity to an access object whose records it holds: its key is the record id, two of its properties
    /// hold the author and the owner, and optionally one holds the support grant a record was created in.</summary>
    /// <typeparam name="TEntity">The entity.</typeparam>
    /// <param name="modelBuilder">The model builder.</param>
    /// <param name="objectName">The access object (Creatio's entity schema name), for example <c>Opportunity</c>.</param>
    /// <param name="author">The property that holds the record's author (Creatio's <c>CreatedById</c>), of type
    /// <see cref="Guid"/> or <see cref="Nullable{Guid}"/>.</param>
    /// <param name="owner">The property that holds the record's owner (Creatio's <c>OwnerId</c>), of type
    /// <see cref="Guid"/> or <see cref="Nullable{Guid}"/>.</param>
    /// <param name="supportGrant">The property that holds the support-access grant the record was created in, of type
    /// <see cref="Nullable{Guid}"/>; <see langword="null"/> when the entity keeps none, in which case a support session under
    /// data isolation sees none of its records.</param>
    /// <returns>The model builder.</returns>
    /// <remarks>
    /// <para>Maps <see cref="EntityRecordRight"/> to <see cref="DefaultRecordRightsTable"/> too, unless
    /// <see cref="HasRecordRights"/> mapped it already. The entity's key must be one <see cref="Guid"/> property: the record
    /// id; it is checked with the rest of the mapping by
    /// <see cref="AccessDbContextExtensions.ValidateAccessMapping(DbContext)"/> and by the first query.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="objectName"/> is <see langword="default"/>; a property expression
    /// is not a property of <typeparamref name="TEntity"/>, or the property is not a <see cref="Guid"/>; the entity is
    /// already mapped to another object.</exception>
    public static ModelBuilder HasAccessObject<TEntity>(
        this ModelBuilder modelBuilder,
        ObjectName objectName,
        Expression<Func<TEntity, Guid?>> author,
        Expression<Func<TEntity, Guid?>> owner,
        Expression<Func<TEntity, Guid?>>? supportGrant = null)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(owner);
        if (objectName.Value is null)
        {
            throw new ArgumentException("The object name must not be the default value.", nameof(objectName));
        }

        string entityName = typeof(TEntity).Name;
        string authorName = AccessMapping.PropertyName(author, entityName, "author", nameof(author));
        string ownerName = AccessMapping.PropertyName(owner, entityName, "owner", nameof(owner));
        string? grantName = supportGrant is null ? null : AccessMapping.PropertyName(supportGrant, entityName, "support grant", nameof(supportGrant));

        var entity = modelBuilder.Entity<TEntity>();
        if (entity.Metadata.FindAnnotation(AccessMapping.ObjectAnnotation)?.Value is string mapped && mapped != objectName.Value)
        {
            throw new ArgumentException($"The entity '{entityName}' is already mapped to the access object `{mapped}`; it cannot also hold `{objectName.Value}`.", nameof(objectName));
        }

        entity.HasAnnotation(AccessMapping.ObjectAnnotation, objectName.Value)
            .HasAnnotation(AccessMapping.AuthorAnnotation, authorName)
            .HasAnnotation(AccessMapping.OwnerAnnotation, ownerName)
            .HasAnnotation(AccessMapping.SupportGrantAnnotation, grantName);
        if (modelBuilder.Model.FindEntityType(typeof(EntityRecordRight)) is null)
        {
            modelBuilder.HasRecordRights();
        }

        return modelBuilder;
    }

    /// <summary>Maps <see cref="EntityRecordRight"/>, the record rights that <c>WhereAccessible</c> reads, to a table in
    /// Creatio's shape.</summary>
    /// <param name="modelBuilder">The model builder.</param>
    /// <param name="table">The table; by default <see cref="DefaultRecordRightsTable"/>.</param>
    /// <param name="schema">The table's schema, or <see langword="null"/> for the database's default.</param>
    /// <param name="excludeFromMigrations"><see langword="true"/> when another tool creates the table (the PostgreSQL package
    /// does), so that EF Core migrations and <c>EnsureCreated</c> leave it alone.</param>
    /// <returns>The model builder.</returns>
    /// <remarks>
    /// <para>Columns: <c>Id</c>, <c>SubjectSchemaName</c>, <c>RecordId</c>, <c>SysAdminUnitId</c>, <c>Operation</c>,
    /// <c>RightLevel</c>, <c>Source</c> — those of the table <c>Creatio.AccessControl.PostgreSql</c> creates, so that a
    /// database it manages is queried as it is. Two indexes are declared for databases EF Core creates:
    /// <c>IX_SysEntityRecordRight_Record</c> (object, record, operation, grantee, level), which answers the query's
    /// <c>EXISTS</c> for each candidate record, and <c>IX_SysEntityRecordRight_Grantee</c> (object, operation, grantee,
    /// record, level), which answers "which records may these units read".</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="modelBuilder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is empty or white space.</exception>
    public static ModelBuilder HasRecordRights(this ModelBuilder modelBuilder, string table = DefaultRecordRightsTable, string? schema = null, bool excludeFromMigrations = false)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        modelBuilder.Entity<EntityRecordRight>(rights =>
        {
            rights.ToTable(table, schema, t => t.ExcludeFromMigrations(excludeFromMigrations));
            rights.HasKey(r => r.Id);
            rights.Property(r => r.ObjectName).HasColumnName("SubjectSchemaName").IsRequired();
            rights.Property(r => r.RecordId).HasColumnName("RecordId");
            rights.Property(r => r.GranteeId).HasColumnName("SysAdminUnitId");
            rights.Property(r => r.Operation).HasColumnName("Operation");
            rights.Property(r => r.Level).HasColumnName("RightLevel");
            rights.Property(r => r.Source).HasColumnName("Source");
            rights.HasIndex(r => new { r.ObjectName, r.RecordId, r.Operation, r.GranteeId, r.Level }).HasDatabaseName("IX_SysEntityRecordRight_Record");
            rights.HasIndex(r => new { r.ObjectName, r.Operation, r.GranteeId, r.RecordId, r.Level }).HasDatabaseName("IX_SysEntityRecordRight_Grantee");
        });
        return modelBuilder;
    }
}
