using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Creatio.AccessControl.EntityFrameworkCore;

/// <summary>Reads records and their rights from the tables <c>WhereAccessible</c> filters, for the database checks of
/// objects that keep their records in the database
/// (<see cref="AccessPrincipal.CheckRecordsAsync(IRecordRightReader, ObjectName, IReadOnlyList{RecordId}, RecordOperation, CancellationToken)"/>).</summary>
/// <remarks>
/// <para>One read is one SQL query: the asked records of the entity mapped to the object (by
/// <see cref="AccessModelBuilderExtensions.HasAccessObject{TEntity}(ModelBuilder, ObjectName, Expression{Func{TEntity, Guid?}}, Expression{Func{TEntity, Guid?}}, Expression{Func{TEntity, Guid?}}?)"/>),
/// their ids sent as one array parameter, left-joined to their rows of the record rights table for the operation: the
/// record's key, author, owner and support grant, and each right's grantee, level and source. Nothing is tracked.</para>
/// <para>Create one per <see cref="DbContext"/> (per request, like the context); it is not safe for concurrent use, as the
/// context is not.</para>
/// </remarks>
public sealed class EntityRecordRightReader : IRecordRightReader
{
    private static readonly MethodInfo s_read = typeof(EntityRecordRightReader).GetMethod(nameof(Query), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly DbContext _context;

    /// <summary>Creates a reader over a context whose model maps the objects' entities and the record rights.</summary>
    /// <param name="context">The context.</param>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public EntityRecordRightReader(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The model's access mapping has problems (all are listed), or no entity,
    /// or more than one, holds the object's records.</exception>
    public async ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        AccessMapping mapping = AccessMapping.For(_context.Model);
        mapping.ThrowIfInvalid();
        ObjectMapping target = mapping.FindObject(objectName);
        if (records.Count == 0)
        {
            return [];
        }

        var values = new ReadValues([.. records.Select(r => r.Value).Distinct()]);
        var query = (IQueryable<StoredRow>)s_read.MakeGenericMethod(target.Entity.ClrType).Invoke(null, [_context, target, values, (short)operation])!;
        List<StoredRow> rows = await query.ToListAsync(cancellationToken).ConfigureAwait(false);

        var byId = new Dictionary<Guid, (RecordDefinition Record, List<RecordRightRow> Rights)>();
        foreach (StoredRow row in rows)
        {
            if (!byId.TryGetValue(row.Id, out (RecordDefinition Record, List<RecordRightRow> Rights) found))
            {
                found = (new RecordDefinition(objectName, new RecordId(row.Id), row.Author is { } author ? new UserId(author) : null, row.Owner is { } owner ? new UserId(owner) : null)
                {
                    CreatedInSupportGrant = row.Grant is { } grant ? new SupportGrantId(grant) : null,
                }, []);
                byId.Add(row.Id, found);
            }

            if (row.Grantee is { } grantee && row.Level is { } level)
            {
                found.Rights.Add(new RecordRightRow(objectName, new RecordId(row.Id), new AdminUnitId(grantee), operation, (RecordRightLevel)level, (RecordRightSource)(row.Source ?? 0)));
            }
        }

        return [.. byId.Values.Select(r => new StoredRecord(r.Record, r.Rights))];
    }


    // SELECT e.key, e.author, e.owner, e.grant, r.SysAdminUnitId, r.RightLevel, r.Source
    // FROM entity e LEFT JOIN SysEntityRecordRight r ON r.RecordId = e.key AND r.SubjectSchemaName = 'X' AND r.Operation = op
    // WHERE e.key = ANY (@ids)
    private static IQueryable<StoredRow> Query<TEntity>(DbContext context, ObjectMapping mapping, ReadValues values, short operation)
        where TEntity : class
    {
        string key = mapping.Key;
        string objectName = mapping.Object.Value;
        ParameterExpression entity = Expression.Parameter(typeof(TEntity), "record");
        Expression<Func<TEntity, bool>> asked = Expression.Lambda<Func<TEntity, bool>>(
            QueryParameters.Contains(QueryParameters.Field(values, nameof(ReadValues.ids), typeof(Guid[])), QueryParameters.Property(entity, key, typeof(Guid)), typeof(Guid)),
            entity);
        IQueryable<Joined<TEntity>> joined =
            from e in context.Set<TEntity>().AsNoTracking().Where(asked)
            join x in context.Set<EntityRecordRight>().AsNoTracking().Where(x => x.ObjectName == objectName && x.Operation == operation)
                on EF.Property<Guid>(e, key) equals x.RecordId into rights
            from r in rights.DefaultIfEmpty()
            select new Joined<TEntity> { Record = e, Right = r };

        ParameterExpression pair = Expression.Parameter(typeof(Joined<TEntity>), "pair");
        Expression record = Expression.Property(pair, nameof(Joined<TEntity>.Record));
        Expression right = Expression.Property(pair, nameof(Joined<TEntity>.Right));
        MemberInitExpression row = Expression.MemberInit(
            Expression.New(typeof(StoredRow)),
            Expression.Bind(typeof(StoredRow).GetProperty(nameof(StoredRow.Id))!, QueryParameters.Property(record, key, typeof(Guid))),
            Expression.Bind(typeof(StoredRow).GetProperty(nameof(StoredRow.Author))!, Nullable(record, mapping.Author)),
            Expression.Bind(typeof(StoredRow).GetProperty(nameof(StoredRow.Owner))!, Nullable(record, mapping.Owner)),
            Expression.Bind(typeof(StoredRow).GetProperty(nameof(StoredRow.Grant))!, mapping.SupportGrant is null ? Expression.Constant(null, typeof(Guid?)) : Nullable(record, mapping.SupportGrant)),
            Expression.Bind(typeof(StoredRow).GetProperty(nameof(StoredRow.Grantee))!, Expression.Convert(Expression.Property(right, nameof(EntityRecordRight.GranteeId)), typeof(Guid?))),
            Expression.Bind(typeof(StoredRow).GetProperty(nameof(StoredRow.Level))!, Expression.Convert(Expression.Property(right, nameof(EntityRecordRight.Level)), typeof(short?))),
            Expression.Bind(typeof(StoredRow).GetProperty(nameof(StoredRow.Source))!, Expression.Convert(Expression.Property(right, nameof(EntityRecordRight.Source)), typeof(short?))));
        return joined.Select(Expression.Lambda<Func<Joined<TEntity>, StoredRow>>(row, pair));
    }

    private static UnaryExpression Nullable(Expression record, IProperty property) =>
        Expression.Convert(QueryParameters.Property(record, property.Name, property.ClrType), typeof(Guid?));

#pragma warning disable SA1307, IDE1006, CA1051 // The field name becomes the SQL parameter's name.
    private sealed class ReadValues(Guid[] ids)
    {
        public readonly Guid[] ids = ids;
    }
#pragma warning restore SA1307, IDE1006, CA1051

    private sealed class Joined<TEntity>
    {
        public TEntity Record { get; init; } = default!;

        public EntityRecordRight? Right { get; init; }
    }

    private sealed class StoredRow
    {
        public Guid Id { get; init; }

        public Guid? Author { get; init; }

        public Guid? Owner { get; init; }

        public Guid? Grant { get; init; }

        public Guid? Grantee { get; init; }

        public short? Level { get; init; }

        public short? Source { get; init; }
    }
}
