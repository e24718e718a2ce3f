using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace Creatio.AccessControl.EntityFrameworkCore;

/// <summary>An EF Core query over a mapped entity, and how to restrict it to a record filter.</summary>
/// <typeparam name="TEntity">The entity.</typeparam>
internal readonly struct AccessQuery<TEntity>
    where TEntity : class
{
    private static readonly MethodInfo s_any = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Any) && m.GetParameters().Length == 2)
        .MakeGenericMethod(typeof(EntityRecordRight));

    private readonly IQueryable<TEntity> _query;
    private readonly IEntityType _rights;
    private readonly IAsyncQueryProvider _provider;

    private AccessQuery(IQueryable<TEntity> query, ObjectMapping mapping, IEntityType rights, IAsyncQueryProvider provider)
    {
        _query = query;
        Mapping = mapping;
        _rights = rights;
        _provider = provider;
    }

    public ObjectMapping Mapping { get; }

    public static AccessQuery<TEntity> Resolve(IQueryable<TEntity> query)
    {
        if (query.Provider is not IAsyncQueryProvider provider || RootFinder.Find(query.Expression) is not { } root)
        {
            throw new InvalidOperationException($"WhereAccessible filters Entity Framework Core queries; this query over '{typeof(TEntity).Name}' does not come from a DbContext.");
        }

        AccessMapping mapping = AccessMapping.For(root.EntityType.Model);
        mapping.ThrowIfInvalid();
        ObjectMapping found = mapping.Find(typeof(TEntity))
            ?? throw new InvalidOperationException($"The entity '{typeof(TEntity).Name}' is not mapped to an access object; map it with modelBuilder.HasAccessObject<{typeof(TEntity).Name}>(objectName, author, owner).");
        return new AccessQuery<TEntity>(query, found, mapping.Rights!, provider);
    }

    public IQueryable<TEntity> Apply(RecordFilter filter)
    {
        switch (filter.Kind)
        {
            case RecordFilterKind.All:
                return _query;
            case RecordFilterKind.Conditional:
                break;
            default:
                return _query.Where(_ => false);
        }

        if (filter.CreatedInSupportGrant is not null && Mapping.SupportGrant is null)
        {
            // Data isolation shows only records created in the grant, and this entity cannot say which those are.
            return _query.Where(_ => false);
        }

        var values = new FilterValues(filter);
        ParameterExpression record = Expression.Parameter(typeof(TEntity), "record");
        Expression? condition = null;
        if (!filter.AnyGrantee)
        {
            condition = Expression.OrElse(
                RightExists(record, filter.Operation, values),
                Expression.OrElse(IsAuthorOrOwner(record, Mapping.Author, values), IsAuthorOrOwner(record, Mapping.Owner, values)));
        }

        if (filter.CreatedInSupportGrant is not null)
        {
            IProperty grant = Mapping.SupportGrant!;
            Expression createdIn = Expression.Equal(
                Expression.Convert(Property(record, grant.Name, grant.ClrType), typeof(Guid?)),
                Expression.Field(Expression.Constant(values), nameof(FilterValues.grant)));
            condition = condition is null ? createdIn : Expression.AndAlso(createdIn, condition);
        }

        return condition is null ? _query : _query.Where(Expression.Lambda<Func<TEntity, bool>>(condition, record));
    }

    // EXISTS (SELECT 1 FROM rights r WHERE r.object = 'X' AND r.record = record.key AND r.operation = op
    //         AND r.level BETWEEN 1 AND 2 AND r.grantee IN (@grantees))
    // Allow or AllowAndGrant, and nothing else: a level out of the enum's range (a corrupt row) never allows.
    private static BinaryExpression AllowingLevel(Expression level) =>
        Expression.AndAlso(
            Expression.GreaterThanOrEqual(level, Expression.Constant((short)RecordRightLevel.Allow)),
            Expression.LessThanOrEqual(level, Expression.Constant((short)RecordRightLevel.AllowAndGrant)));

    private MethodCallExpression RightExists(ParameterExpression record, RecordOperation operation, FilterValues values)
    {
        ParameterExpression right = Expression.Parameter(typeof(EntityRecordRight), "right");
        Expression predicate = Expression.AndAlso(
            Expression.AndAlso(
                Expression.Equal(Expression.Property(right, nameof(EntityRecordRight.ObjectName)), Expression.Constant(Mapping.Object.Value)),
                Expression.Equal(Expression.Property(right, nameof(EntityRecordRight.RecordId)), Property(record, Mapping.Key, typeof(Guid)))),
            Expression.AndAlso(
                Expression.AndAlso(
                    Expression.Equal(Expression.Property(right, nameof(EntityRecordRight.Operation)), Expression.Constant((short)operation)),
                    AllowingLevel(Expression.Property(right, nameof(EntityRecordRight.Level)))),
                Contains(QueryParameters.Field(values, nameof(FilterValues.grantees), typeof(Guid[])), Expression.Property(right, nameof(EntityRecordRight.GranteeId)), typeof(Guid))));
        var rights = new EntityQueryRootExpression(_provider, _rights);
        return Expression.Call(s_any, rights, Expression.Quote(Expression.Lambda<Func<EntityRecordRight, bool>>(predicate, right)));
    }

    // A nullable column is compared through its value, so that the array holds no null and the SQL stays "col = ANY (@authors)".
    private static MethodCallExpression IsAuthorOrOwner(ParameterExpression record, IProperty property, FilterValues values)
    {
        Expression column = property.ClrType == typeof(Guid)
            ? Property(record, property.Name, typeof(Guid))
            : Expression.Property(Property(record, property.Name, typeof(Guid?)), nameof(Nullable<Guid>.Value));
        return Contains(QueryParameters.Field(values, nameof(FilterValues.authors), typeof(Guid[])), column, typeof(Guid));
    }

    private static MethodCallExpression Property(ParameterExpression record, string name, Type type) => QueryParameters.Property(record, name, type);

    private static MethodCallExpression Contains(Expression collection, Expression item, Type type) => QueryParameters.Contains(collection, item, type);

    private sealed class RootFinder : ExpressionVisitor
    {
        private EntityQueryRootExpression? _root;

        public static EntityQueryRootExpression? Find(Expression expression)
        {
            var finder = new RootFinder();
            finder.Visit(expression);
            return finder._root;
        }

        public override Expression? Visit(Expression? node)
        {
            if (_root is not null)
            {
                return node;
            }

            if (node is EntityQueryRootExpression root)
            {
                _root = root;
                return node;
            }

            return base.Visit(node);
        }
    }
}
