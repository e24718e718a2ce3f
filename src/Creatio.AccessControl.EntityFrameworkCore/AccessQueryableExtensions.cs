using Creatio.AccessControl;
using Creatio.AccessControl.EntityFrameworkCore;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Filters Entity Framework Core queries to the records a user may read, edit or delete, in the database.</summary>
public static class AccessQueryableExtensions
{
    /// <summary>Keeps the records the principal may perform an operation on, as one SQL query.</summary>
    /// <typeparam name="TEntity">An entity mapped with
    /// <see cref="AccessModelBuilderExtensions.HasAccessObject{TEntity}(ModelBuilder, ObjectName, System.Linq.Expressions.Expression{Func{TEntity, Guid?}}, System.Linq.Expressions.Expression{Func{TEntity, Guid?}}, System.Linq.Expressions.Expression{Func{TEntity, Guid?}}?)"/>.</typeparam>
    /// <param name="query">A query over the entity, from its <see cref="DbSet{TEntity}"/>, filtered or not.</param>
    /// <param name="principal">The user (or support session) asking.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The query, restricted to the records that <see cref="AccessPrincipal.CheckRecord(ObjectName, RecordId, RecordOperation)"/>
    /// allows when the database's records and rights are those of the principal's snapshot.</returns>
    /// <remarks>
    /// <para>The principal's <see cref="AccessPrincipal.GetRecordFilter(ObjectName, RecordOperation)"/> decides the shape:
    /// an object (or a user) denied before the record step gives a query that returns nothing; an object without record
    /// permissions gives the query unchanged; otherwise a record qualifies when a row of the record rights table for the
    /// operation, with level Allow or AllowAndGrant, names a unit of the user's effective roles (<c>EXISTS</c>), or its
    /// author or owner is one of the users whose records the user holds implicitly. A support session under data isolation
    /// adds "created in this grant" (nothing qualifies when the entity maps no support-grant property).</para>
    /// <para>The effective roles go to the database as one array parameter, the authors and owners as another, so that
    /// the database caches one plan per query shape.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not Read, Edit or Delete.</exception>
    /// <exception cref="InvalidOperationException">The query is not an Entity Framework Core query, its entity is not mapped
    /// to an access object, or the model's access mapping has problems (all are listed).</exception>
    public static IQueryable<TEntity> WhereAccessible<TEntity>(this IQueryable<TEntity> query, AccessPrincipal principal, RecordOperation operation)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(query);
        if (operation is not (RecordOperation.Read or RecordOperation.Edit or RecordOperation.Delete))
        {
            throw new ArgumentOutOfRangeException(nameof(operation), operation, "The record operation must be Read (0), Edit (1) or Delete (2).");
        }

        AccessQuery<TEntity> target = AccessQuery<TEntity>.Resolve(query);
        return target.Apply(principal.GetRecordFilter(target.Mapping.Object, operation));
    }

    /// <summary>Keeps the records a record filter allows, as one SQL query.</summary>
    /// <typeparam name="TEntity">An entity mapped to the filter's object.</typeparam>
    /// <param name="query">A query over the entity.</param>
    /// <param name="filter">A filter from <see cref="AccessPrincipal.GetRecordFilter(ObjectName, RecordOperation)"/> for the
    /// entity's object; a host that asks several queries of one request can reuse it.</param>
    /// <returns>The query, restricted to the records the filter allows.</returns>
    /// <remarks>See <see cref="WhereAccessible{TEntity}(IQueryable{TEntity}, AccessPrincipal, RecordOperation)"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="filter"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="filter"/> is for another object than the entity's.</exception>
    /// <exception cref="InvalidOperationException">The query is not an Entity Framework Core query, its entity is not mapped
    /// to an access object, or the model's access mapping has problems (all are listed).</exception>
    public static IQueryable<TEntity> WhereAccessible<TEntity>(this IQueryable<TEntity> query, RecordFilter filter)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        AccessQuery<TEntity> target = AccessQuery<TEntity>.Resolve(query);
        if (filter.Object != target.Mapping.Object)
        {
            throw new ArgumentException($"The filter is for the object `{filter.Object}`; the entity '{target.Mapping.EntityName}' holds the records of `{target.Mapping.Object}`.", nameof(filter));
        }

        return target.Apply(filter);
    }
}
